import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DEFAULT_TIMEOUT_MS } from '../../backends/defaults.js';
import type { ApiGeneration, BackendConfig, RegistrationBackend, TokenSource } from '../../backends/types.js';
import { catalogFor, loadFamily } from '../../i18n/index.js';
import type { CommonMessages, MessageFamily, Messages } from '../../i18n/messages.js';
import type { RegistrationError } from '../../core/errors.js';
import type { RegistrationErrorDetail } from './events.js';
import { onLanguageChange } from './language-changes.js';
import { zitadelAdapter } from './lazy-modules.js';

/**
 * The settings the backend is built from, each a property of every element: which backend (`backend`, or
 * the ZITADEL adapter of `api`) and the adapter's configuration. Written once here, it drives what a change
 * of settings refreshes in each element and the framework types (`../frameworks/element-types.ts`); a
 * field of `BackendConfig` missing here fails to compile in `resolveBackend`.
 */
export const BACKEND_SETTINGS = [
  'api',
  'backend',
  'baseUrl',
  'orgId',
  'instanceDomain',
  'credentials',
  'timeout',
  'token',
] as const satisfies readonly (keyof BackendConfig | 'api' | 'backend')[];

export type BackendSetting = (typeof BACKEND_SETTINGS)[number];

/** A field of the adapters' configuration that is not a backend setting (none: see `BACKEND_SETTINGS`). */
type UnlistedSetting = Exclude<keyof BackendConfig, BackendSetting>;

/** Whether an update changes any of `properties` (the backend settings by default). */
export function changedAny(
  changed: PropertyValues,
  properties: readonly PropertyKey[] = BACKEND_SETTINGS,
): boolean {
  return properties.some((property) => changed.has(property));
}

/** `strings` may override single error and hint texts as well as whole messages. */
export type MessageOverrides = Partial<Omit<Messages, 'errors' | 'hints'>> & {
  errors?: Partial<Messages['errors']>;
  hints?: Partial<Messages['hints']>;
};

/** The texts with the page's overrides (`strings`) applied; single error and hint texts merge too. */
function mergeMessages<M extends CommonMessages>(base: M, overrides: MessageOverrides | undefined): M {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    errors: { ...base.errors, ...overrides.errors },
    hints: { ...base.hints, ...overrides.hints },
  } as M;
}

/**
 * The configuration every element shares (API generation, base URL, organization, token, backend,
 * strings) and what follows from it: the backend to call and the messages to show. `M` is the texts the
 * element shows: its families of the catalogs, English built in.
 *
 * The parts and custom properties below are those of all four elements (`baseStyles` styles them; each
 * element's template renders the parts), written once here: the manifest's analyzer gives them to every subclass.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart status - The live region that says what is happening.
 * @csspart message - The error message with what to do next.
 *
 * @cssprop --pk-accent-color - Background of the buttons.
 * @cssprop --pk-on-accent-color - Text colour on the buttons.
 * @cssprop --pk-text-color - Text colour.
 * @cssprop --pk-muted-color - Colour of secondary text: the status line and hints.
 * @cssprop --pk-error-color - Colour of error messages.
 * @cssprop --pk-success-color - Colour of the success message.
 * @cssprop --pk-radius - Corner radius.
 * @cssprop --pk-spacing - Space between the parts.
 * @cssprop --pk-font-family - Font.
 * @cssprop --pk-surface-color - Background with an explicit `theme` (default: `Canvas` of that scheme).
 * @cssprop --pk-progress-color - Colour of the busy indicator in a busy button (default: the button's text colour).
 */
export abstract class ConfiguredElement<M extends CommonMessages = CommonMessages> extends LitElement {
  /** The reactive properties, each documented at its field below (see src/internal/README.md). */
  static override properties: PropertyDeclarations = {
    api: {},
    baseUrl: { attribute: 'base-url' },
    orgId: { attribute: 'org-id' },
    instanceDomain: { attribute: 'instance-domain' },
    credentials: {},
    theme: { reflect: true },
    timeout: { type: Number },
    token: { attribute: false },
    backend: { attribute: false },
    strings: { attribute: false },
    _catalog: { state: true, attribute: false },
  };

  /** Which ZITADEL API generation to call. */
  api: ApiGeneration = 'v2';

  /** The ZITADEL instance URL, or the URL of the page's own proxy; empty means this page's origin. */
  baseUrl = '';

  /** Organization of the user (`x-zitadel-orgid` on v1, `organization.orgId` on v3alpha). */
  orgId?: string;

  /** v3alpha `instance.domain`, where the caller must name the instance. */
  instanceDomain?: string;

  /** Passed to `fetch`, for cookie-authenticated proxies. */
  credentials: RequestCredentials = 'same-origin';

  /** `light`, `dark`, or `auto` (the person's preference); empty follows the page's `color-scheme`. */
  theme: '' | 'light' | 'dark' | 'auto' = '';

  /** Milliseconds a request may take before it fails with `network`. */
  timeout = DEFAULT_TIMEOUT_MS;

  /** Bearer token or a function returning one. Never reflected, logged or put in an event. */
  token?: TokenSource;

  /** A whole backend object, for a server that is not ZITADEL; replaces the configuration above. */
  backend?: RegistrationBackend;

  /** Overrides of any text the element shows. */
  strings?: MessageOverrides;

  /** The families of texts this element shows, loaded in the element's language. */
  protected abstract readonly messageFamilies: readonly MessageFamily[];
  /** The element's texts in English: built in, shown until another language has loaded, the fallback. */
  protected abstract readonly english: M;

  /** The texts in the element's language, once loaded; English while `undefined`. */
  private _catalog: M | undefined;

  /** The language of the text, from `lang` on the element or an ancestor, else the document. */
  get language(): string {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  /** The language of the texts shown (or being loaded), to tell a relevant `lang` change from another. */
  #language: string | undefined;
  #stopWatchingLanguage: (() => void) | undefined;

  async #loadCatalog(): Promise<void> {
    const language = this.language;
    if (language === this.#language) return;
    this.#language = language;
    if (catalogFor(language) === 'en') {
      this._catalog = undefined;
      return;
    }
    let families: unknown[];
    try {
      families = await Promise.all(this.messageFamilies.map((family) => loadFamily(language, family)));
    } catch {
      // Could not load (offline): English stays, and the next change or connection tries again.
      if (this.#language === language) this.#language = undefined;
      return;
    }
    // Another language may have been asked for while this one loaded.
    if (this.language === language) this._catalog = Object.assign({}, this.english, ...families) as M;
  }

  protected get messages(): M {
    return mergeMessages(this._catalog ?? this.english, this.strings);
  }

  /** Loads what the element needs to talk to a server, ahead of use; failures show when it is used. */
  protected preloadCode(): void {
    zitadelAdapter(this.api)
      .load()
      .catch(() => {});
  }

  #visibility: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadCatalog();
    this.#stopWatchingLanguage ??= onLanguageChange(() => void this.#loadCatalog());
    this.addEventListener('pointerenter', this.#onIntent);
    this.addEventListener('focusin', this.#onIntent);
    if (typeof IntersectionObserver === 'function') {
      this.#visibility = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.warmUp();
      });
      this.#visibility.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingLanguage?.();
    this.#stopWatchingLanguage = undefined;
    this.removeEventListener('pointerenter', this.#onIntent);
    this.removeEventListener('focusin', this.#onIntent);
    this.#visibility?.disconnect();
    this.#visibility = undefined;
  }

  #onIntent = (): void => this.warmUp();

  /** The element became visible, or is hovered or focused: the person may use it soon. */
  protected warmUp(): void {
    this.preloadCode();
  }

  /**
   * The backend to call: the `backend` property, else the ZITADEL adapter of `api` (loaded on first use).
   * The adapter asks for the token at each request, and gets the element's value of that moment: a page
   * that signs out mid-ceremony (`token = undefined`) sends no old token afterwards.
   */
  protected async resolveBackend(): Promise<RegistrationBackend> {
    if (this.backend) return this.backend;
    const adapter = zitadelAdapter(this.api);
    const createBackend = adapter.loaded ?? (await adapter.load());
    const config: BackendConfig & Record<UnlistedSetting, never> = {
      baseUrl: this.baseUrl,
      credentials: this.credentials,
      timeout: this.timeout,
      token: () => this.#currentToken(),
      ...(this.orgId ? { orgId: this.orgId } : {}),
      ...(this.instanceDomain ? { instanceDomain: this.instanceDomain } : {}),
    };
    return createBackend(config);
  }

  /** The token as the element holds it now: a string, or what the page's function returns now. */
  async #currentToken(): Promise<string> {
    const token = this.token;
    return (typeof token === 'function' ? await token() : token) ?? '';
  }

  /** Whether the page gave the element a session: a `token`, or a `backend` that brings its own. */
  protected get hasSession(): boolean {
    return this.token !== undefined || this.backend !== undefined;
  }

  /**
   * Where the person was working in the element, the focus follows what their action changed (its
   * outcome, a confirmation), so a screen reader reads it and the keyboard continues from there.
   */
  protected focusAfterUpdate(selector: string): void {
    if (!this.matches(':focus-within')) return;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The detail of an error event: the code, the message to show, and the HTTP facts where there are any. */
  protected errorDetail(
    error: RegistrationError,
    kind: RegistrationErrorDetail['kind'],
  ): RegistrationErrorDetail {
    return {
      kind,
      code: error.code,
      message: this.describeError(error),
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.grpcCode === undefined ? {} : { grpcCode: error.grpcCode }),
      ...(error.orphanRemoved === undefined ? {} : { orphanRemoved: error.orphanRemoved }),
    };
  }

  /** The message to show for an error: what happened and what to do next. */
  protected describeError(error: RegistrationError): string {
    const messages = this.messages;
    // The API's sentence says what to use instead; the generic hint (another browser) would not fit.
    if (error.code === 'unsupported' && error.api) return messages.apiUnsupported(error.api);
    const what = messages.errors[error.code];
    const next = messages.hints[error.code];
    return joinSentences(what, next);
  }
}

/** What happened and, where there is one, what to do next: the two sentences of an error message. */
export function joinSentences(what: string, next: string | false | undefined): string {
  return next ? `${what} ${next}` : what;
}
