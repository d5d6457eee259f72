import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

export type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON };

/** What is being registered: a passkey (first factor) or a U2F / FIDO security key (second factor). */
export type RegistrationKind = 'passkey' | 'u2f';

/** Which kind of authenticator to ask for; `''` lets the browser offer any. */
export type AuthenticatorPreference = '' | 'platform' | 'cross-platform';

/** ZITADEL's API generations. */
export type ApiGeneration = 'v2' | 'v3alpha' | 'v1';

/** A bearer token, or a function that returns a fresh one (called once per request). */
export type TokenSource = string | (() => string | Promise<string>);

/** The one-time code of a registration link. */
export interface RegistrationCode {
  id: string;
  code: string;
}

/** The configuration the elements share; the ZITADEL backends are built from it. */
export interface BackendConfig {
  /** ZITADEL's URL or the page's own proxy; `''` means this page's origin. */
  baseUrl?: string;
  token?: TokenSource;
  credentials?: RequestCredentials;
  /** `x-zitadel-orgid` (v1), `organization.orgId` (v3alpha). */
  orgId?: string;
  /** v3alpha `instance.domain`. */
  instanceDomain?: string;
  /** Milliseconds before a request counts as failed with `network`; default 30 000. */
  timeout?: number;
}

/** `object.v2.Details` as ZITADEL's v2 and v1 APIs return it. */
export interface V2Details {
  sequence?: string;
  changeDate?: string;
  creationDate?: string;
  resourceOwner?: string;
}

/** `resources.object.v3alpha.Details`. */
export interface V3alphaDetails {
  id?: string;
  created?: string;
  changed?: string;
  owner?: { type?: string; id?: string };
}

/** What the server said about the change it made; its shape depends on the API generation. */
export type ChangeDetails = V2Details | V3alphaDetails | Record<string, unknown>;

export interface StartRegistrationRequest {
  kind: RegistrationKind;
  userId: string;
  /** The relying-party ID the credential is bound to. */
  domain: string;
  authenticator: AuthenticatorPreference;
  code?: RegistrationCode;
}

export interface StartedRegistration {
  /** The server's id of the pending registration (passkeyId, u2fId, webAuthNId). */
  id: string;
  /** The creation options as the server sent them, wrapped in `publicKey` or not. */
  options: unknown;
  details?: ChangeDetails;
}

export interface VerifyRegistrationRequest {
  kind: RegistrationKind;
  userId: string;
  id: string;
  name: string;
  credential: RegistrationResponseJSON;
  code?: RegistrationCode;
}

export interface VerifiedRegistration {
  details?: ChangeDetails;
}

/** How a registration link reaches the user. */
export type LinkDelivery = 'return' | 'email';

export interface CreateLinkRequest {
  userId: string;
  delivery: LinkDelivery;
  /** For email: the URL template ZITADEL fills (`urlTemplate`); absent means ZITADEL's default link. */
  urlTemplate?: string;
}

export interface CreatedLink {
  /** The one-time code, when the server returned it (v2 / v3alpha with `return`). */
  code?: RegistrationCode;
  /** A complete link, when the server built it (v1 `return`). */
  link?: string;
  /** When the link stops working, as an ISO timestamp, where the server says. */
  expiration?: string;
  details?: ChangeDetails;
}

/** A registered passkey or security key, as the list shows it. */
export interface AuthenticatorInfo {
  /** The server's id: passkeyId, u2fId or webAuthNId. */
  id: string;
  kind: RegistrationKind;
  name: string;
  /** `ready` once verified; `not-ready` while a registration is unfinished. */
  state: 'ready' | 'not-ready';
}

export interface AuthenticatorList {
  authenticators: AuthenticatorInfo[];
  /** Kinds the user has but the API cannot list one by one (v2 lists no U2F keys). */
  unlisted: RegistrationKind[];
}

/**
 * What the elements call. The ZITADEL factories build one from the shared configuration; a page may hand
 * in its own for any other server. A backend that cannot do something leaves the method out (or throws a
 * `RegistrationError` with code `unsupported` for a kind it does not serve).
 */
export interface RegistrationBackend {
  /** Human name of the API, used in messages, e.g. "ZITADEL v2". */
  readonly label: string;
  startRegistration?(request: StartRegistrationRequest, signal: AbortSignal): Promise<StartedRegistration>;
  verifyRegistration?(request: VerifyRegistrationRequest, signal: AbortSignal): Promise<VerifiedRegistration>;
  /** Creates a passkey registration link: returns its code (or link), or has the server email it. */
  createLink?(request: CreateLinkRequest, signal: AbortSignal): Promise<CreatedLink>;
  /** The user's passkeys and security keys. */
  listAuthenticators?(request: { userId: string }, signal: AbortSignal): Promise<AuthenticatorList>;
  /** Removes one of them. */
  removeAuthenticator?(
    request: { userId: string; id: string; kind: RegistrationKind },
    signal: AbortSignal,
  ): Promise<{ details?: ChangeDetails }>;
}
