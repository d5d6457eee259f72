// @ts-check
/**
 * The links in ZITADEL's registration emails: its login UI's default, or the caller's `urlTemplate`, a
 * Go text/template rendered with `domain.PasskeyURLData`.
 */

import { Errors } from './errors.js';

/**
 * The fields ZITADEL's `PasskeyURLData` has; any other field fails the template, as in ZITADEL.
 * @typedef {{ UserID: string, OrgID: string, CodeID: string, Code: string }} PasskeyUrlData
 */

/** `{{` … `}}`, with Go's `-` trim markers allowed (a URL has no whitespace for them to trim). */
const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/gs;
const FIELD = /^\.([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * Renders a `urlTemplate`. Only field actions (`{{.CodeID}}`, `{{ .CodeID }}`, `{{- .CodeID -}}`) are
 * understood; any other action is refused as if it did not parse, which is stricter than Go but keeps
 * the mock honest about what it can check.
 * @param {string} template
 * @param {PasskeyUrlData} data
 * @throws {import('./errors.js').ApiError} ZITADEL's invalid-template error
 */
export function renderUrlTemplate(template, data) {
  if (template.replace(ACTION, '').includes('{{')) throw Errors.urlTemplateInvalid('parse');
  return template.replace(ACTION, (_match, /** @type {string} */ action) => {
    const field = FIELD.exec(action)?.[1];
    if (field === undefined) throw Errors.urlTemplateInvalid('parse');
    if (!Object.hasOwn(data, field)) throw Errors.urlTemplateInvalid('execute');
    return data[/** @type {keyof PasskeyUrlData} */ (field)];
  });
}

/**
 * ZITADEL's default for a v2 / v3alpha link (`DefaultPasskeySetURLTemplate`): with Login v2 required, as on
 * every new instance (`LoginV2.Required: true`), Login v2's page under `/ui/v2/login/` with its
 * `PasskeySetPath` (cmd/defaults.yaml, ZITADEL v4.12 and later; Login v2 reads `codeId` since v4.7).
 * @param {string} baseUrl scheme and host, e.g. `http://localhost:8000`
 * @param {PasskeyUrlData} data
 */
export function loginV2RegistrationLink(baseUrl, { UserID, OrgID, CodeID, Code }) {
  const query = new URLSearchParams({ codeId: CodeID, code: Code, userId: UserID, organization: OrgID });
  return `${baseUrl}/ui/v2/login/passkey/set?${query}`;
}

/**
 * Login v1's passwordless-registration page (`login.EndpointPasswordlessRegistration`) on the domain the
 * API was called on: management v1's link, which is always Login v1's.
 * @param {string} baseUrl scheme and host, e.g. `http://localhost:8000`
 * @param {PasskeyUrlData} data
 */
export function defaultRegistrationLink(baseUrl, { UserID, OrgID, CodeID, Code }) {
  const query = new URLSearchParams({ userID: UserID, orgID: OrgID, codeID: CodeID, code: Code });
  return `${baseUrl}/ui/login/login/passwordless/init?${query}`;
}
