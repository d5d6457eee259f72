import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ChangeDetails, CreatedLink, LinkDelivery } from '../../backends/types.js';
import { common } from '../../i18n/en/common.js';
import { link } from '../../i18n/en/link.js';
import type { CommonMessages, LinkMessages, MessageFamily } from '../../i18n/messages.js';
import { baseStyles, themeTokens } from '../../styles/shared.js';
import { CeremonyController } from '../shared/ceremony-controller.js';
import { BACKEND_SETTINGS, ConfiguredElement, changedAny } from '../shared/configured-element.js';
import { requireMethod } from '../shared/backend-methods.js';
import { RegistrationError, toRegistrationError } from '../../core/errors.js';
import { emit } from '../shared/events.js';
import type { LinkCreated } from './events.js';
import { checkLinkTemplate, checkLinkUrl, fillLinkTemplate } from './link-template.js';
import { lazyModule } from '../shared/lazy-modules.js';

type LinkAdminState = 'idle' | 'creating' | 'created' | 'error';

/**
 * What a shown link, its error or a running request is about: when one changes, they are about another
 * user or server, and go (a link for Bob must not stay on screen once the form is for Alice).
 */
const LINK_SETTINGS: readonly PropertyKey[] = [
  ...BACKEND_SETTINGS,
  'userId',
  '_enteredUserId',
  'delivery',
  'linkTemplate',
];

const ENGLISH: CommonMessages & LinkMessages = { ...common, ...link };

/** lean-qr, loaded with the adapters (see `../shared/lazy-modules.ts`): only a returned link needs it. */
const qrCodeModule = lazyModule('QR code', () => import('./qr-code.js'));
/**
 * v1's `SendPasswordlessRegistration` has no URL template: ZITADEL would mail its default link while the
 * element reported the template as used. Refused before any request, with a sentence of its own.
 */
class TemplateOnV1Error extends RegistrationError {
  constructor() {
    super('invalid-input', 'ZITADEL v1 cannot send a link template: it emails its default link');
  }
}

/**
 * A link template that cannot be used, said at the template field: refused by the element's own check
 * (`own`), or by ZITADEL — it cannot fill a variable (`DOMAIN-ieYa7`) or cannot parse the template
 * (`DOMAIN-oGh5e`). The event still says `invalid-input`.
 */
class TemplateError extends RegistrationError {
  readonly reason: 'own' | 'variable' | 'syntax';
  constructor(reason: TemplateError['reason'], cause: RegistrationError) {
    super('invalid-input', cause.message, {
      ...(cause.status === undefined ? {} : { status: cause.status }),
      ...(cause.grpcCode === undefined ? {} : { grpcCode: cause.grpcCode }),
      ...(cause.serverMessage === undefined ? {} : { serverMessage: cause.serverMessage }),
      cause,
    });
    this.reason = reason;
  }
}

/**
 * The User ID field was left empty: said at the field, which is marked invalid and takes the focus, before
 * any request. The event still says `invalid-input`.
 */
class UserIdError extends RegistrationError {
  constructor() {
    super('invalid-input', 'No user id was given');
  }
}

/** ZITADEL's answer to a template it refuses, as a `TemplateError`; anything else as it came. */
function asTemplateError(error: RegistrationError): RegistrationError {
  if (error.code !== 'invalid-input') return error;
  const id = /\((DOMAIN-ieYa7|DOMAIN-oGh5e)\)\s*$/.exec(error.serverMessage ?? '')?.[1];
  if (!id) return error;
  return new TemplateError(id === 'DOMAIN-ieYa7' ? 'variable' : 'syntax', error);
}

/** The organization ZITADEL names in its answer, for `{{.OrgID}}` when `org-id` is not set. */
function ownerOf(details: ChangeDetails | undefined): string | undefined {
  if (!details) return undefined;
  if ('resourceOwner' in details && typeof details.resourceOwner === 'string') return details.resourceOwner;
  if ('owner' in details && typeof details.owner === 'object' && details.owner && 'id' in details.owner) {
    return typeof details.owner.id === 'string' ? details.owner.id : undefined;
  }
  return undefined;
}

/**
 * Lets an administrator create a passkey registration link for a user. ZITADEL either emails the link
 * (with an optional URL template) or returns the code, which the element turns into a link with a copy
 * button and a QR code, so the person can open it on a phone.
 *
 * @tagname registration-link-admin
 * @summary A form that creates a ZITADEL passkey registration link, shown as link and QR code or emailed.
 *
 * @event {CustomEvent<LinkCreatedDetail>} link-created - The link exists.
 * @event {CustomEvent<RegistrationErrorDetail>} link-error - Creating the link failed.
 *
 * @csspart form - The form.
 * @csspart field - Each labelled form field.
 * @csspart input - Each text input.
 * @csspart radio - Each delivery choice (radio button).
 * @csspart hint - The hints under a field and the link, and the copy button's confirmation.
 * @csspart field-error - Under a field: why this template cannot be used (the element's check or ZITADEL's refusal), or that the User ID is missing.
 * @csspart button - The submit button.
 * @csspart progress - The busy indicator in the submit button while the link is made.
 * @csspart result - The created link with copy button and QR code.
 * @csspart link - The link.
 * @csspart copy-button - The button that copies the link.
 * @csspart qr - The QR code (SVG).
 * @csspart expiration - When the link stops working.
 *
 * @cssprop --pk-qr-size - Width and height of the QR code.
 */
export class RegistrationLinkAdminElement extends ConfiguredElement<CommonMessages & LinkMessages> {
  static override styles = [
    themeTokens,
    baseStyles,
    css`
      :host {
        --_qr-size: var(--pk-qr-size, 12rem);
      }
      [part~='form'] {
        display: grid;
        gap: var(--_space);
      }
      fieldset[part~='field'] {
        border: 0;
        padding: 0;
        margin: 0;
      }
      /*
       * A radio's label is its target: as tall as a button at least (a touch target on a touch screen), as
       * is the link on a line of its own.
       */
      fieldset label,
      [part~='link'] {
        display: flex;
        align-items: center;
        gap: 0.25em;
        min-block-size: 24px;
      }
      /* Centred on its label's text as it sat on the line (the browser's top margin would lower it). */
      [part~='radio'] {
        margin-block: 0;
      }
      @media (any-pointer: coarse) {
        fieldset label,
        [part~='link'] {
          min-block-size: 44px;
        }
      }
      [part~='hint'] {
        color: var(--_muted);
        font-size: 0.875em;
      }
      [part~='field-error'] {
        color: var(--_error);
        font-size: 0.875em;
      }
      input[aria-invalid='true'] {
        border-color: var(--_error);
      }
      [part~='result'] {
        display: grid;
        gap: var(--_space);
        justify-items: start;
      }
      [part~='link'] {
        word-break: break-all;
        color: var(--_accent);
      }
      [part~='qr'] {
        width: var(--_qr-size);
        height: var(--_qr-size);
      }
    `,
  ];

  /** The reactive properties, each documented at its field below (see src/internal/README.md). */
  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id' },
    delivery: {},
    linkTemplate: { attribute: 'link-template' },
    _state: { state: true, attribute: false },
    _enteredUserId: { state: true, attribute: false },
    _result: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _copyStatus: { state: true, attribute: false },
  };

  protected readonly messageFamilies: readonly MessageFamily[] = ['common', 'link'];
  protected readonly english = ENGLISH;

  protected override preloadCode(): void {
    super.preloadCode();
    if (this.delivery === 'return') qrCodeModule.load().catch(() => {});
  }

  /** Pre-fills the user; without it the element shows a field for it. */
  userId?: string;

  /** Have ZITADEL return the code (shown as link and QR code) or send the email itself. */
  delivery: LinkDelivery = 'return';

  /**
   * URL with `{{.UserID}}`, `{{.OrgID}}`, `{{.CodeID}}`, `{{.Code}}`: sent as `urlTemplate` for email,
   * filled in by the element for returned codes. Only `https:` (and `http:` on localhost).
   */
  linkTemplate?: string;

  private _state: LinkAdminState = 'idle';
  private _enteredUserId = '';
  private _result: LinkCreated | undefined;
  /** The last failure, kept as the error (not its text) so it is said in the current language. */
  private _error: RegistrationError | undefined;
  private _copyStatus: '' | 'copied' | 'failed' = '';

  #requests = new CeremonyController(this);
  #running: Promise<LinkCreated> | undefined;

  /** Creates a link with the current settings; the built-in form calls it. While one runs, returns its promise. */
  create(): Promise<LinkCreated> {
    this.#running ??= this.#create().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #create(): Promise<LinkCreated> {
    const userId = (this.userId ?? this._enteredUserId).trim();
    const delivery = this.delivery;
    const template = this.linkTemplate?.trim() || undefined;
    const signal = this.#requests.begin();
    this.#madeWith = this.#settings();
    this._state = 'creating';
    this._error = undefined;
    this._result = undefined;
    this._copyStatus = '';
    try {
      if (!userId) {
        // Where the form asks for the user, the empty field is what to mend (a blank `user-id` has none).
        throw this.userId
          ? new RegistrationError('invalid-input', 'No user id was given')
          : new UserIdError();
      }
      if (delivery !== 'return' && delivery !== 'email') {
        throw new RegistrationError('invalid-input', `Unknown delivery "${String(delivery)}"`);
      }
      // A bad template is refused before any request, whatever the delivery, and said at its field.
      if (template) {
        try {
          checkLinkTemplate(template);
        } catch (caught) {
          throw new TemplateError('own', toRegistrationError(caught, 'invalid-input'));
        }
      }
      if (template && delivery === 'email' && !this.#takesTemplates) throw new TemplateOnV1Error();
      // A returned link is shown with its QR code: lean-qr loads alongside the request.
      const qr = delivery === 'return' ? qrCodeModule.load().catch(() => undefined) : undefined;
      const backend = await this.resolveBackend();
      // Removed while the adapters loaded: nothing is sent for an element that is gone.
      if (signal.aborted || !this.isConnected)
        throw new RegistrationError('aborted', 'The element was removed');
      requireMethod(backend, 'createLink');
      const created = await backend.createLink(
        { userId, delivery, ...(template && delivery === 'email' ? { urlTemplate: template } : {}) },
        signal,
      );
      const result = this.#describe(userId, delivery, template, created);
      await qr;
      if (signal.aborted || !this.isConnected)
        throw new RegistrationError('aborted', 'The element was removed');
      this._result = result;
      this.#setState('created');
      emit(this, 'link-created', result);
      return result;
    } catch (caught) {
      const error = signal.aborted
        ? new RegistrationError('aborted', 'Creating the link was aborted', { cause: caught })
        : asTemplateError(toRegistrationError(caught));
      if (this.isConnected) {
        const detail = this.errorDetail(error, 'link');
        // Stopped by a change of settings, the element is idle already, with the new ones.
        if (signal.reason !== 'reset') {
          this._error = error;
          this.#setState('error');
        }
        emit(this, 'link-error', detail);
      }
      throw error;
    } finally {
      this.#requests.end(signal);
    }
  }

  /**
   * Whether the API takes a URL template: v1 has none (ZITADEL mails its default link). A page's own
   * `backend` decides for itself.
   */
  get #takesTemplates(): boolean {
    return this.backend !== undefined || this.api !== 'v1';
  }

  protected override describeError(error: RegistrationError): string {
    const m = this.messages;
    if (error instanceof TemplateOnV1Error) return m.linkTemplateV1;
    if (error instanceof UserIdError) return m.linkUserIdMissing;
    if (error instanceof TemplateError) {
      return {
        own: m.linkTemplateInvalid,
        variable: m.linkTemplateRefused,
        syntax: m.linkTemplateUnreadable,
      }[error.reason];
    }
    return super.describeError(error);
  }

  /** The settings the shown link, error or running request was made with (`LINK_SETTINGS`' values). */
  #madeWith: readonly unknown[] = [];

  #settings(): unknown[] {
    return LINK_SETTINGS.map((name) => this[name as keyof this]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this._state === 'idle' || !changedAny(changed, LINK_SETTINGS)) return;
    const now = this.#settings();
    if (now.every((value, index) => Object.is(value, this.#madeWith[index]))) return;
    // A request for the old settings stops; its link-error (`aborted`) still tells the page.
    this.#requests.abort('reset');
    this._result = undefined;
    this._error = undefined;
    this._copyStatus = '';
    this._state = 'idle';
  }

  #setState(next: LinkAdminState): void {
    // Where the person was working in the form, the outcome takes the focus (and the keyboard continues
    // from there to the link and its copy button); an error about a field is said at that field.
    if (next === 'created' || next === 'error') {
      this.focusAfterUpdate(
        next === 'created'
          ? '[part~="status"]'
          : this._error instanceof TemplateError
            ? 'input[name="linkTemplate"]'
            : this._error instanceof UserIdError
              ? 'input[name="userId"]'
              : '[part~="message"]',
      );
    }
    this._state = next;
  }

  /** Turns the server's answer into what the person sees and the event carries. */
  #describe(
    userId: string,
    delivery: LinkDelivery,
    template: string | undefined,
    created: CreatedLink,
  ): LinkCreated {
    const base: LinkCreated = { userId, delivery, details: created.details };
    if (created.expiration) base.expiration = created.expiration;
    if (delivery === 'email') return base;
    if (created.link) {
      // A link the server built (v1) is shown as a link only if it is one a person may open.
      try {
        return { ...base, link: checkLinkUrl(created.link).href };
      } catch {
        throw new RegistrationError('bad-response', 'The server returned a link that is not https:');
      }
    }
    if (!created.code)
      throw new RegistrationError('bad-response', 'The server returned neither link nor code');
    const values = {
      userId,
      orgId: this.orgId || ownerOf(created.details) || '',
      codeId: created.code.id,
      code: created.code.code,
    };
    const link = fillLinkTemplate(template ?? this.#defaultTemplate(), values);
    return { ...base, link, codeId: values.codeId, code: values.code };
  }

  /** Without a template, the code leads to ZITADEL's own login page, as ZITADEL's emails do. */
  #defaultTemplate(): string {
    const origin = new URL(this.baseUrl || '/', location.href);
    const path = `${origin.pathname.replace(/\/+$/, '')}/ui/login/login/passwordless/init`;
    return `${origin.origin}${path}?userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}`;
  }

  async #copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this._copyStatus = 'copied';
    } catch {
      this._copyStatus = this.#copyBySelection(link) ? 'copied' : 'failed';
    }
  }

  /** The old way, for browsers that refuse the Clipboard API here (permissions, insecure context). */
  #copyBySelection(link: string): boolean {
    const field = document.createElement('textarea');
    field.value = link;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    this.renderRoot.append(field);
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      field.remove();
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    // Failures are reported as events and on screen; the promise is for callers of create().
    this.create().catch(() => {});
  }

  #onDelivery(event: Event): void {
    this.delivery = (event.target as HTMLInputElement).value as LinkDelivery;
  }

  #onTemplate(event: Event): void {
    this.linkTemplate = (event.target as HTMLInputElement).value;
    // The person is mending the template: its error goes until the next try.
    if (this._error instanceof TemplateError) {
      this._error = undefined;
      this._state = 'idle';
    }
  }

  #onUserId(event: Event): void {
    this._enteredUserId = (event.target as HTMLInputElement).value;
  }

  #renderResult(result: LinkCreated): TemplateResult | typeof nothing {
    const m = this.messages;
    const link = result.link;
    if (!link) return nothing;
    const expiration = result.expiration
      ? new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(result.expiration),
        )
      : undefined;
    return html`<div part="result">
      <a part="link" href=${link} target="_blank" rel="noopener noreferrer">${link}</a>
      ${expiration ? html`<p part="expiration">${m.linkExpires(expiration)}</p>` : nothing}
      <button part="button copy-button" type="button" @click=${() => this.#copy(link)}>${m.linkCopy}</button>
      <p part="hint" role="status" aria-live="polite">
        ${this._copyStatus === 'copied' ? m.linkCopied : this._copyStatus === 'failed' ? m.linkCopyFailed : ''}
      </p>
      ${qrCodeModule.loaded?.qrCode(link, m.linkQrLabel) ?? nothing}
      <p part="hint">${m.linkScanHint}</p>
    </div>`;
  }

  #renderUserIdField(): TemplateResult {
    const m = this.messages;
    const error = this._error instanceof UserIdError ? this.describeError(this._error) : '';
    // As the template field: the label names the input, the error describes it.
    return html`<div part="field">
      <label for="user-id">${m.linkUserIdLabel}</label>
      <input
        part="input"
        id="user-id"
        name="userId"
        autocomplete="off"
        required
        aria-invalid=${!!error}
        aria-describedby=${error ? 'user-id-error' : nothing}
        .value=${this._enteredUserId}
        @input=${this.#onUserId}
      />
      ${error ? html`<span part="field-error" id="user-id-error" role="alert">${error}</span>` : nothing}
    </div>`;
  }

  #renderTemplateField(): TemplateResult {
    const m = this.messages;
    const error = this._error instanceof TemplateError ? this.describeError(this._error) : '';
    // The label holds its text alone: the hint and the error describe the input, not name it.
    return html`<div part="field">
      <label for="link-template">${m.linkTemplateLabel}</label>
      <input
        part="input"
        id="link-template"
        name="linkTemplate"
        type="url"
        inputmode="url"
        autocomplete="off"
        aria-invalid=${!!error}
        aria-describedby=${error ? 'template-hint template-error' : 'template-hint'}
        .value=${this.linkTemplate ?? ''}
        @input=${this.#onTemplate}
      />
      <span part="hint" id="template-hint">${m.linkTemplateHint}</span>
      ${error ? html`<span part="field-error" id="template-error" role="alert">${error}</span>` : nothing}
    </div>`;
  }

  /**
   * The radios' markup carries `checked` as an attribute (a server render of `.checked=${false}` would write
   * `checked="false"`, which HTML reads as checked); once a person has clicked one, only the property moves
   * it, so a `delivery` set later by the page is applied here.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('delivery')) return;
    for (const radio of this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="delivery"]')) {
      radio.checked = radio.value === this.delivery;
    }
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const busy = this._state === 'creating';
    const status =
      this._state === 'creating'
        ? m.linkCreating
        : this._state === 'created'
          ? this._result?.delivery === 'email'
            ? m.linkEmailed
            : m.linkCreated
          : '';
    return html`<div part="base">
      <form part="form" novalidate @submit=${this.#onSubmit}>
        ${this.userId ? nothing : this.#renderUserIdField()}
        <fieldset part="field">
          <legend>${m.linkDeliveryLegend}</legend>
          <label
            ><input
              part="radio"
              type="radio"
              name="delivery"
              value="return"
              ?checked=${this.delivery === 'return'}
              @change=${this.#onDelivery}
            />
            ${m.linkDeliveryReturn}</label
          >
          <label
            ><input
              part="radio"
              type="radio"
              name="delivery"
              value="email"
              ?checked=${this.delivery === 'email'}
              @change=${this.#onDelivery}
            />
            ${m.linkDeliveryEmail}</label
          >
        </fieldset>
        ${this.#takesTemplates ? this.#renderTemplateField() : nothing}
        <button part="button" type="submit" aria-disabled=${busy} aria-busy=${busy}>
          ${busy ? html`<span part="progress" aria-hidden="true"></span>` : nothing}${m.linkCreateButton}
        </button>
      </form>
      <p
        part="status"
        class=${this._state === 'created' ? 'success' : ''}
        role="status"
        aria-live="polite"
        tabindex="-1"
        ?data-empty=${!status}
      >
        ${status}
      </p>
      ${
        // An error about a field is said at it (with the input marked invalid), not twice.
        this._error &&
        !(this._error instanceof TemplateError && this.#takesTemplates) &&
        !(this._error instanceof UserIdError)
          ? html`<p part="message" role="alert" tabindex="-1">${this.describeError(this._error)}</p>`
          : nothing
      }
      ${this._result ? this.#renderResult(this._result) : nothing}
    </div>`;
  }
}
