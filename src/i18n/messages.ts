import type { ErrorCode } from '../core/errors.js';

/**
 * The texts of `<passkey-register>` and `<u2f-register>`. Each language keeps its texts in four families,
 * one module each, so a page loads only the texts of the elements it uses.
 */
export interface RegistrationMessages {
  passkeyButton: string;
  passkeyRetryButton: string;
  passkeyAnotherButton: string;
  /** After `already-registered`: try again with another device (a phone, a security key). */
  passkeyOtherDeviceButton: string;
  passkeyIdle: string;
  starting: string;
  passkeyPrompting: string;
  verifying: string;
  passkeySuccess: (name: string) => string;
  u2fButton: string;
  u2fRetryButton: string;
  u2fAnotherButton: string;
  /** After `already-registered`: try again with another key. */
  u2fOtherDeviceButton: string;
  u2fIdle: string;
  u2fPrompting: string;
  u2fSuccess: (name: string) => string;
  /** `already-registered` for a security key (the common text speaks of a passkey). */
  u2fAlreadyRegistered: string;
  /** Label of the optional name field (`ask-name`). */
  nameLabel: string;
  /** Before the click, when this browser cannot do WebAuthn at all. */
  capabilityNoWebAuthn: string;
  /** Before the click, when `authenticator="platform"` is asked for and this device has no passkey provider. */
  capabilityNoPlatform: string;
  /**
   * `unsupported` after the click, when `authenticator="platform"` was asked for and the browser refused at
   * once, before any prompt: it has no passkey provider on this device for that choice (Firefox on Linux).
   */
  platformRefused: string;
  /** Before the click, when this device has no passkey provider but another device can be used. */
  capabilityOtherDevice: string;
  /** Default authenticator name from browser and OS, e.g. "Chrome on macOS". */
  deviceName: (browser: string, os: string) => string;
  /** `unauthenticated` where the page gave no session (no `token`, no `backend`) and no link's code. */
  registrationNeedsLink: string;
  /** The link to `continue-url` after a successful registration. */
  continueLink: string;
  /** The status while the server verifies a security key (`verifying` speaks of a passkey). */
  u2fVerifying: string;
  /** The button while the registration starts at the server. */
  passkeyStartingButton: string;
  u2fStartingButton: string;
  /** The button while the browser's prompt is open. */
  promptingButton: string;
  /** The button while the server verifies the new credential. */
  verifyingButton: string;
  /** Stops the open prompt. */
  cancelButton: string;
  /** What a screen reader reads for the prompt's countdown, in whole minutes rounded up. */
  timeLeft: (minutes: number) => string;
  /** Default name of a security key no list knows, with the date it was added (already formatted). */
  securityKeyName: (date: string) => string;
  /** `from-url` on a page whose address carries no link: what the person needs instead of a button. */
  linkMissing: string;
  /**
   * `from-url` with a link, in a browser without WebAuthn (an in-app browser, often): the link is unspent and
   * stays in the address bar, so the page can be opened elsewhere; what to do instead of a button.
   */
  linkNoWebAuthn: string;
  /**
   * A landing page whose start spent the link's code, after the browser refused to create the passkey
   * (`unsupported`): another try here cannot work, and the link opens nothing elsewhere any more.
   */
  linkRefused: string;
  /** Added to an error after which the credential the server did not store was signalled as unknown. */
  orphanRemoved: string;
}

/** The texts of `<registration-link-admin>`. */
export interface LinkMessages {
  linkUserIdLabel: string;
  /** At the User ID field: it was left empty. */
  linkUserIdMissing: string;
  linkDeliveryLegend: string;
  linkDeliveryReturn: string;
  linkDeliveryEmail: string;
  linkTemplateLabel: string;
  linkTemplateHint: string;
  /** Why `api="v1"` with email refuses a link template: v1 has no template field. */
  linkTemplateV1: string;
  /** At the template field: the element's own check refused it. */
  linkTemplateInvalid: string;
  /** At the template field: ZITADEL cannot fill one of its variables (DOMAIN-ieYa7). */
  linkTemplateRefused: string;
  /** At the template field: ZITADEL cannot parse it (DOMAIN-oGh5e). */
  linkTemplateUnreadable: string;
  linkCreateButton: string;
  linkCreating: string;
  linkCreated: string;
  linkEmailed: string;
  linkCopy: string;
  linkCopied: string;
  linkCopyFailed: string;
  linkQrLabel: string;
  linkScanHint: string;
  linkExpires: (date: string) => string;
}

/** The texts of `<authenticator-list>`. */
export interface ListMessages {
  listLoading: string;
  listEmpty: string;
  listKindPasskey: string;
  listKindU2f: string;
  /** The name shown for an authenticator stored without one. */
  listUnnamedPasskey: string;
  listUnnamedU2f: string;
  listStateReady: string;
  listStateNotReady: string;
  listDelete: string;
  /** Accessible name of a delete button. */
  listDeleteLabel: (name: string) => string;
  listConfirm: (name: string) => string;
  listConfirmButton: string;
  listCancel: string;
  /** While a deletion is in flight, announced politely. */
  listDeleting: (name: string) => string;
  listRemoved: (name: string) => string;
  /** When the API says the user has security keys but cannot list them (v2). */
  listUnlistedU2f: string;
}

/** The texts every element shows: its errors. */
export interface CommonMessages {
  /** What went wrong, one sentence per error code. */
  errors: Record<ErrorCode, string>;
  /** What the person can do next, per error code. */
  hints: Partial<Record<ErrorCode, string>>;
  /**
   * The `unsupported` message when the configured API cannot do this, with the adapter's label
   * ("ZITADEL v3alpha"): "This ZITADEL does not offer the v3alpha passkey API; use v2."
   */
  apiUnsupported: (api: string) => string;
}

/** Every text an element shows. Other languages implement the same type; `strings` overrides any key. */
export interface Messages extends CommonMessages, RegistrationMessages, LinkMessages, ListMessages {}

/** The families of texts, each a module per language, loaded as the elements on a page need them. */
export interface MessageFamilies {
  common: CommonMessages;
  registration: RegistrationMessages;
  link: LinkMessages;
  list: ListMessages;
}
export type MessageFamily = keyof MessageFamilies;
