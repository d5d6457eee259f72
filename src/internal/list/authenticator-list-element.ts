import {
  css,
  html,
  isServer,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { AuthenticatorInfo, RegistrationKind } from '../../backends/types.js';
import { common } from '../../i18n/en/common.js';
import { list } from '../../i18n/en/list.js';
import type { CommonMessages, ListMessages, MessageFamily } from '../../i18n/messages.js';
import { baseStyles, themeTokens } from '../../styles/shared.js';
import { CeremonyController } from '../shared/ceremony-controller.js';
import { ConfiguredElement, changedAny } from '../shared/configured-element.js';
import { requireMethod } from '../shared/backend-methods.js';
import { RegistrationError, toRegistrationError } from '../../core/errors.js';
import { emit } from '../shared/events.js';
import type { RegistrationSuccessEvent } from '../registration/events.js';

interface SignalingPublicKeyCredential {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
}

const ENGLISH: CommonMessages & ListMessages = { ...common, ...list };
/**
 * Lists a user's passkeys and security keys (name, kind, state) and deletes one after a confirmation.
 * Refreshes itself when a `registration-success` for the same user bubbles up to the document.
 *
 * @tagname authenticator-list
 * @summary The passkeys and security keys of a ZITADEL user, each with a delete button.
 *
 * @event {CustomEvent<AuthenticatorRemovedDetail>} authenticator-removed - One was deleted.
 * @event {CustomEvent<RegistrationErrorDetail>} list-error - Listing or deleting failed.
 *
 * @csspart list - The list.
 * @csspart empty - What the list says when the user has none.
 * @csspart item - One passkey or security key.
 * @csspart name - Its name.
 * @csspart kind - Passkey or security key.
 * @csspart state - Ready or not finished.
 * @csspart button - Every button.
 * @csspart delete-button - The delete button of an item: a quiet one, since it only asks first.
 * @csspart confirm - The confirmation step; its buttons stay, busy, while the deletion runs.
 * @csspart confirm-button - The confirmed Delete, drawn as destructive (`--pk-danger-color`).
 * @csspart progress - The busy indicator in the confirmed Delete while the deletion runs.
 * @csspart cancel-button - The way out of the confirmation, a quiet button.
 * @csspart note - Below the list: the user also has security keys that this API cannot list one by one.
 *
 * @cssprop --pk-danger-color - Background of the confirmed Delete button, which cannot be undone.
 */
export class AuthenticatorListElement extends ConfiguredElement<CommonMessages & ListMessages> {
  static override styles = [
    themeTokens,
    baseStyles,
    css`
      :host {
        --_danger: var(--pk-danger-color, light-dark(#b3261e, #ffb4ab));
      }
      [part~='list'] {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) / 2);
        justify-self: stretch;
      }
      /*
       * One row layout at every width: the name on top, kind and state under it, the action at the end
       * (logical properties, so it mirrors right to left); a confirmation takes a line of its own.
       */
      [part~='item'] {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        grid-template-areas: 'name name action' 'kind state action';
        align-items: center;
        gap: 0 var(--_space);
        padding-block: calc(var(--_space) / 2);
        border-block-end: 1px solid color-mix(in srgb, currentColor 15%, transparent);
      }
      [part~='item']:last-child {
        border-block-end: none;
      }
      [part~='name'] {
        grid-area: name;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      [part~='kind'] {
        grid-area: kind;
      }
      [part~='state'] {
        grid-area: state;
      }
      [part~='delete-button'] {
        grid-area: action;
      }
      [part~='confirm'] {
        grid-column: 1 / -1;
        margin-block-start: calc(var(--_space) / 2);
      }
      [part~='kind'],
      [part~='state'] {
        color: var(--_muted);
      }
      [part~='confirm'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) / 2);
        /* Its question quotes the name: a long one wraps within the row. */
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      /*
       * A row's Delete only asks first: it is a quiet button, so a list of keys is not a column of primary
       * actions. The confirmed deletion cannot be undone: it looks destructive, and Cancel is the quiet way out.
       */
      [part~='confirm-button'] {
        background: var(--_danger);
      }
      [part~='delete-button'],
      [part~='cancel-button'] {
        background: transparent;
        border-color: currentColor;
        color: var(--_text);
      }
      @media (forced-colors: active) {
        [part~='confirm-button'],
        [part~='delete-button'],
        [part~='cancel-button'] {
          border-color: ButtonText;
          background: ButtonFace;
          color: ButtonText;
        }
        /* Without its colour, the deletion that cannot be undone still stands apart from Cancel. */
        [part~='confirm-button'] {
          border-width: 3px;
          font-weight: 700;
        }
      }
    `,
  ];

  /** The reactive properties, each documented at its field below (see src/internal/README.md). */
  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id' },
    domain: {},
    _authenticators: { state: true, attribute: false },
    _unlisted: { state: true, attribute: false },
    _loading: { state: true, attribute: false },
    _confirming: { state: true, attribute: false },
    _deleting: { state: true, attribute: false },
    _removed: { state: true, attribute: false },
    _error: { state: true, attribute: false },
  };

  protected readonly messageFamilies: readonly MessageFamily[] = ['common', 'list'];
  protected readonly english = ENGLISH;

  /** The user whose authenticators are listed. */
  userId?: string;

  /** The relying-party ID of the credentials, for telling the password manager about a deleted one. */
  domain?: string;

  private _authenticators: AuthenticatorInfo[] | undefined;
  private _unlisted: RegistrationKind[] = [];
  /** A list request runs. */
  private _loading = false;
  private _confirming: string | undefined;
  /** The one being deleted, while its request runs. */
  private _deleting: AuthenticatorInfo | undefined;
  /** The name of the one just deleted: the status says so, in the success colour. */
  private _removed: string | undefined;
  /** The last failure, kept as the error (not its text) so it is said in the current language. */
  private _error: RegistrationError | undefined;

  /**
   * Listing and deleting have a scope each: a refresh never cancels a deletion, and a deletion never
   * drops a list. (Queueing a refresh behind a deletion would only make a new passkey appear later.) A
   * newer refresh supersedes an older one, whose answer would be stale.
   */
  #listing = new CeremonyController(this);
  #deletion = new CeremonyController(this);
  /** Ids deleted here: a list fetched while one was being deleted must not bring it back. */
  #deleted = new Set<string>();
  #listSignal: AbortSignal | undefined;
  /** A list request was cut off by the element leaving the page: it lists again when it returns. */
  #listAbandoned = false;
  /** Credential ids of registrations seen on this page, by server id: what a deleted passkey's provider must forget. */
  #credentialIds = new Map<string, string>();
  /**
   * Passkeys and security keys registered on this page and not listed yet: ZITADEL's lists come from a
   * projection that lags its writes, so the listing right after a registration may not have it. Each is
   * shown until a listing has it (from then on the server's list speaks for it).
   */
  #registeredHere = new Map<string, AuthenticatorInfo>();
  /** The listing under way is the reload after a registration here: its status line stays quiet. */
  #quietLoading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('registration-success', this.#onRegistered);
    if (this.#listAbandoned) void this.refresh().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('registration-success', this.#onRegistered);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A server render (`@lit-labs/ssr`) shows what the browser's first render will: the list loading.
    if (isServer) this._loading = Boolean(this.userId?.trim());
    if (changed.has('userId') && changed.get('userId') !== undefined) {
      // Another user's passkeys: nothing of the previous list applies.
      this._authenticators = undefined;
      this._unlisted = [];
      this.#deleted.clear();
      this.#registeredHere.clear();
    }
    // Another user, or another backend or configuration of it: the list is read again.
    if (this.isConnected && (changed.has('userId') || changedAny(changed))) {
      void this.refresh().catch(() => undefined);
    }
  }

  #onRegistered = (event: RegistrationSuccessEvent): void => {
    const { detail } = event;
    if (detail.userId !== this.userId?.trim()) return;
    this.#credentialIds.set(detail.id, detail.credential.id);
    this.#registeredHere.set(detail.id, {
      id: detail.id,
      kind: detail.kind,
      name: detail.name,
      state: 'ready',
    });
    // The registering element announces its success; "Loading…" from here would talk over it.
    void this.#load({ quiet: true }).catch(() => undefined);
  };

  /** Loads the list again. Rejects with a `RegistrationError` after dispatching `list-error`. */
  refresh(): Promise<void> {
    return this.#load({ quiet: false });
  }

  async #load({ quiet }: { quiet: boolean }): Promise<void> {
    const userId = this.userId?.trim() ?? '';
    const signal = this.#listing.begin();
    this.#listSignal = signal;
    this.#listAbandoned = false;
    this.#quietLoading = quiet;
    this._loading = true;
    this._error = undefined;
    this._removed = undefined;
    try {
      if (!userId) throw new RegistrationError('invalid-input', 'The user-id attribute is missing');
      const backend = await this.resolveBackend();
      // Removed while the adapters loaded: nothing is sent for an element that is gone.
      if (signal.aborted || !this.isConnected) throw new RegistrationError('aborted', 'The list was removed');
      requireMethod(backend, 'listAuthenticators');
      const list = await backend.listAuthenticators({ userId }, signal);
      if (signal.aborted) throw new RegistrationError('aborted', 'The list request was superseded');
      const listed = new Set(list.authenticators.map((entry) => entry.id));
      for (const id of listed) this.#registeredHere.delete(id);
      this._authenticators = [
        ...list.authenticators,
        ...[...this.#registeredHere.values()].filter((entry) => !listed.has(entry.id)),
      ].filter((entry) => !this.#deleted.has(entry.id));
      this._unlisted = list.unlisted;
    } catch (caught) {
      if (!this.isConnected) this.#listAbandoned = true;
      this.#report(caught, signal);
    } finally {
      this.#listing.end(signal);
      // A superseded request leaves the state to the one that replaced it.
      if (this.#listSignal === signal) {
        this.#listSignal = undefined;
        this._loading = false;
      }
    }
  }

  async #remove(entry: AuthenticatorInfo): Promise<void> {
    // While one deletion runs its buttons stay, busy: another click waits for the outcome.
    if (this._deleting) return;
    const userId = this.userId?.trim() ?? '';
    const signal = this.#deletion.begin();
    this._deleting = entry;
    this._error = undefined;
    this._removed = undefined;
    try {
      const backend = await this.resolveBackend();
      if (signal.aborted || !this.isConnected) throw new RegistrationError('aborted', 'The list was removed');
      requireMethod(backend, 'removeAuthenticator');
      const removed = await backend.removeAuthenticator({ userId, id: entry.id, kind: entry.kind }, signal);
      this.#deleted.add(entry.id);
      this.#registeredHere.delete(entry.id);
      this.#forgetCredential(entry.id);
      this._authenticators = this._authenticators?.filter((item) => item.id !== entry.id);
      this._removed = this.#nameOf(entry);
      this.focusAfterUpdate('[part~="status"]');
      emit(this, 'authenticator-removed', {
        userId,
        id: entry.id,
        kind: entry.kind,
        name: entry.name,
        details: removed.details,
      });
    } catch (caught) {
      this.#report(caught, signal);
    } finally {
      this._deleting = undefined;
      this._confirming = undefined;
      this.#deletion.end(signal);
    }
  }

  #confirm(id: string | undefined, focus: string): void {
    if (this._deleting) return;
    this._confirming = id;
    this.focusAfterUpdate(focus);
  }

  /** Tells the password manager the credential is gone, where the browser can and the kit knows its id. */
  #forgetCredential(id: string): void {
    const credentialId = this.#credentialIds.get(id);
    const credential = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential as
      SignalingPublicKeyCredential | undefined;
    if (!credentialId || typeof credential?.signalUnknownCredential !== 'function') return;
    this.#credentialIds.delete(id);
    credential
      .signalUnknownCredential({ rpId: this.domain || location.hostname, credentialId })
      .catch(() => undefined);
  }

  #report(caught: unknown, signal: AbortSignal): never {
    const error = signal.aborted
      ? new RegistrationError('aborted', 'The list request was aborted', { cause: caught })
      : toRegistrationError(caught);
    // A list replaced by a newer request or removed from the page reports nothing.
    if (!signal.aborted && this.isConnected) {
      this._error = error;
      this.focusAfterUpdate('[part~="message"]');
      emit(this, 'list-error', this.errorDetail(error, 'list'));
    }
    throw error;
  }

  /** The name to show: the stored one, or what kind of unnamed authenticator it is. */
  #nameOf(entry: AuthenticatorInfo): string {
    if (entry.name.trim()) return entry.name;
    return entry.kind === 'passkey' ? this.messages.listUnnamedPasskey : this.messages.listUnnamedU2f;
  }

  #renderItem(entry: AuthenticatorInfo, index: number): TemplateResult {
    const m = this.messages;
    const name = this.#nameOf(entry);
    const confirming = this._confirming === entry.id;
    const busy = confirming && !!this._deleting;
    // Signed out, no deletion can work: the rows stay, without their Delete buttons.
    const signedOut = this._error?.code === 'unauthenticated';
    // Cancel (or Escape) gives the focus back to this row's Delete.
    const cancel = () =>
      this.#confirm(undefined, `[part~="item"]:nth-child(${index + 1}) [part~="delete-button"]`);
    return html`<li part="item">
      <span part="name">${name}</span>
      <span part="kind">${entry.kind === 'passkey' ? m.listKindPasskey : m.listKindU2f}</span>
      <span part="state">${entry.state === 'ready' ? m.listStateReady : m.listStateNotReady}</span>
      ${
        signedOut
          ? nothing
          : confirming
            ? html`<span
                part="confirm"
                role="group"
                aria-label=${m.listDeleteLabel(name)}
                aria-describedby="confirm-question"
                @keydown=${(event: KeyboardEvent) => {
                  // Escape is the way out, as Cancel is; while the deletion runs neither stops it.
                  if (event.key !== 'Escape' || this._deleting) return;
                  event.preventDefault();
                  cancel();
                }}
              >
                <span id="confirm-question">${m.listConfirm(name)}</span>
                <button
                  part="button confirm-button"
                  type="button"
                  aria-disabled=${busy}
                  aria-busy=${busy}
                  @click=${() => this.#remove(entry).catch(() => undefined)}
                >
                  ${this._deleting ? html`<span part="progress" aria-hidden="true"></span>` : nothing}${m.listConfirmButton}
                </button>
                <button part="button cancel-button" type="button" aria-disabled=${busy} @click=${cancel}>
                  ${m.listCancel}
                </button>
              </span>`
            : html`<button
                part="button delete-button"
                type="button"
                aria-label=${m.listDeleteLabel(name)}
                aria-disabled=${!!this._deleting}
                @click=${() => this.#confirm(entry.id, '[part~="cancel-button"]')}
              >
                ${m.listDelete}
              </button>`
      }
    </li>`;
  }

  /** What the live region says: the deletion running, its outcome, or the list loading. */
  #statusText(m: CommonMessages & ListMessages): string {
    if (this._deleting) return m.listDeleting(this.#nameOf(this._deleting));
    if (this._removed !== undefined) return m.listRemoved(this._removed);
    return this._loading && !this.#quietLoading ? m.listLoading : '';
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const list = this._authenticators;
    const statusText = this.#statusText(m);
    return html`<div part="base">
      ${
        list && list.length > 0
          ? html`<ul part="list" aria-busy=${this._loading}>
              ${list.map((entry, index) => this.#renderItem(entry, index))}
            </ul>`
          : // "None yet" is a fact only of a list that loaded: never beside an error that says it could not.
            list && !this._loading && !this._error
            ? html`<p part="empty">${m.listEmpty}</p>`
            : nothing
      }
      ${
        this._unlisted.includes('u2f') && !list?.some((entry) => entry.kind === 'u2f')
          ? html`<p part="note">${m.listUnlistedU2f}</p>`
          : nothing
      }
      <p
        part="status"
        class=${this._removed !== undefined && !this._deleting ? 'success' : ''}
        role="status"
        aria-live="polite"
        tabindex="-1"
        ?data-empty=${!statusText}
      >
        ${statusText}
      </p>
      ${
        this._error
          ? html`<p part="message" role="alert" tabindex="-1">${this.describeError(this._error)}</p>`
          : nothing
      }
    </div>`;
  }
}
