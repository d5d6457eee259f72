import { RegistrationError } from '../core/errors.js';
import { createHttpClient, segment } from './http.js';
import { readDetails, requireString } from './json.js';
import type { BackendConfig, RegistrationBackend } from './types.js';

const DURATION = /^(\d+(?:\.\d+)?)s$/;

/**
 * `expiration` of AddPasswordlessRegistrationResponse: a protobuf Duration in JSON ("3600s"), turned
 * into the moment it ends; a timestamp is taken as it is. Anything else is left out: it only informs.
 */
export function expirationFrom(value: unknown, now = Date.now()): string | undefined {
  if (typeof value !== 'string') return undefined;
  const duration = DURATION.exec(value);
  if (duration) return new Date(now + Number(duration[1]) * 1000).toISOString();
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * ZITADEL's management API v1. It registers nothing itself (registration happens on ZITADEL's login
 * page); it serves registration links: AddPasswordlessRegistration returns a link to ZITADEL's login,
 * SendPasswordlessRegistration emails it. The organization travels in the `x-zitadel-orgid` header.
 */
export function zitadelV1(config: BackendConfig = {}): RegistrationBackend {
  const label = 'ZITADEL management v1';
  const http = createHttpClient(config, label);
  const headers = { 'x-zitadel-orgid': config.orgId };

  return {
    label,

    async createLink(request, signal) {
      const base = `/management/v1/users/${segment(request.userId)}/passwordless`;
      if (request.delivery === 'email') {
        // SendPasswordlessRegistrationRequest has no template field: ZITADEL would mail its default link
        // and the page would report success for a mail it did not describe.
        if (request.urlTemplate) {
          throw new RegistrationError(
            'invalid-input',
            'ZITADEL management v1 emails its default registration link and takes no URL template; ' +
              'use the v2 API to send a link with a template',
          );
        }
        const body = await http.request({
          method: 'POST',
          path: `${base}/_send_link`,
          headers,
          body: {},
          signal,
        });
        const details = readDetails(body);
        return details ? { details } : {};
      }
      // AddPasswordlessRegistration binds no body (its http rule has no `body`), so ZITADEL reads none; the
      // empty JSON object is for a proxy in front, which takes only JSON on a changing POST (no cross-site form).
      const body = await http.request({ method: 'POST', path: `${base}/_link`, headers, body: {}, signal });
      const expiration = expirationFrom(body.expiration);
      const details = readDetails(body);
      return {
        link: requireString(body, 'link'),
        ...(expiration ? { expiration } : {}),
        ...(details ? { details } : {}),
      };
    },
  };
}
