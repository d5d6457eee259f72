/**
 * Property tests of the pure parts: whatever a server, a URL or a page hands them, they return a value
 * or throw a RegistrationError — never a TypeError or anything else.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizeCreationOptions, toBase64Url } from '../../src/backends/options.js';
import { expirationFrom } from '../../src/backends/zitadel-v1.js';
import { ERROR_CODES, RegistrationError, errorCodeForStatus } from '../../src/core/errors.js';
import { checkLinkTemplate, fillLinkTemplate } from '../../src/internal/link-admin/link-template.js';
import { readRegistrationLink } from '../../src/internal/registration/link-parameters.js';
import { describeDevice } from '../../src/internal/registration/device-name.js';
import { webAuthnErrorCode } from '../../src/internal/registration/ceremony.js';

const RUNS = { numRuns: 500 };

/** Runs `action`; a RegistrationError is a fine answer, anything else thrown fails the property. */
function valueOrRegistrationError(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch (error) {
    if (error instanceof RegistrationError && ERROR_CODES.includes(error.code)) return true;
    throw error;
  }
}

const binaryish = fc.oneof(
  fc.base64String(),
  fc.string(),
  fc.constantFrom('', '=', '==', 'a', 'ab=c', '-_', '+/'),
  fc.anything(),
);

/** Creation options that look like ZITADEL's, with any field replaced by anything. */
const optionsLike = fc.record(
  {
    challenge: binaryish,
    rp: fc.oneof(fc.record({ id: fc.anything(), name: fc.anything() }, { requiredKeys: [] }), fc.anything()),
    user: fc.oneof(
      fc.record({ id: binaryish, name: fc.anything(), displayName: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    ),
    pubKeyCredParams: fc.oneof(
      fc.array(fc.record({ alg: fc.anything(), type: fc.anything() })),
      fc.anything(),
    ),
    excludeCredentials: fc.oneof(
      fc.array(fc.record({ id: binaryish, transports: fc.anything() })),
      fc.anything(),
    ),
    timeout: fc.anything(),
    authenticatorSelection: fc.anything(),
    attestation: fc.anything(),
    extensions: fc.anything(),
    hints: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('fuzzing the pure parts', () => {
  it('normalizeCreationOptions: any input yields options or bad-response', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          optionsLike,
          optionsLike.map((publicKey) => ({ publicKey })),
          optionsLike.map((publicKey) => JSON.stringify({ publicKey })),
          fc.json(),
        ),
        (raw) =>
          valueOrRegistrationError(() => {
            const options = normalizeCreationOptions(raw);
            // What it returns is what startRegistration needs.
            expect(toBase64Url(options.challenge)).to.equal(options.challenge);
            expect(toBase64Url(options.user.id)).to.equal(options.user.id);
            expect(options.user.name).to.be.a('string');
          }),
      ),
      RUNS,
    );
  });

  it('toBase64Url: returns base64url or undefined, and round-trips base64', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = toBase64Url(value);
        return result === undefined || /^[A-Za-z0-9_-]+$/.test(result);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const base64 = btoa(String.fromCharCode(...bytes));
        const url = toBase64Url(base64)!;
        const back = atob(
          url
            .replace(/-/g, '+')
            .replace(/_/g, '/')
            .padEnd(Math.ceil(url.length / 4) * 4, '='),
        );
        return back === String.fromCharCode(...bytes);
      }),
      RUNS,
    );
  });

  it('errorCodeForStatus: every status and grpc code maps to a contract code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999 }), fc.option(fc.integer()), (status, grpc) =>
        ERROR_CODES.includes(errorCodeForStatus(status, grpc ?? undefined)),
      ),
      RUNS,
    );
  });

  it('webAuthnErrorCode: any thrown value maps to a contract code', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string().map((name) => new DOMException('x', name)),
          fc.constantFrom('toString', 'constructor', '__proto__').map((name) => new DOMException('x', name)),
          fc.string().map((name) => Object.assign(new Error('x'), { name })),
        ),
        (error) => ERROR_CODES.includes(webAuthnErrorCode(error)),
      ),
      RUNS,
    );
  });

  it('checkLinkTemplate and fillLinkTemplate: any template and values yield a safe link or invalid-input', () => {
    const template = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc
        .tuple(
          fc.constantFrom('https://', 'http://', 'javascript:', 'data:', 'ftp://', 'http://localhost', ''),
          fc.string(),
          fc.constantFrom(
            '{{.UserID}}',
            '{{.Code}}',
            '{{ .CodeID }}',
            '{{.OrgID}}',
            '{{.Name}}',
            '{{.toString}}',
            '{{.constructor}}',
            '{{',
            '}}',
          ),
        )
        .map((parts) => parts.join('')),
    );
    const values = fc.record({
      userId: fc.string(),
      orgId: fc.string(),
      codeId: fc.string(),
      code: fc.string(),
    });
    fc.assert(
      fc.property(template, values, (raw, linkValues) =>
        valueOrRegistrationError(() => {
          checkLinkTemplate(raw);
          const link = new URL(fillLinkTemplate(raw, linkValues));
          expect(['https:', 'http:']).to.include(link.protocol);
          if (link.protocol === 'http:')
            expect(['localhost', '127.0.0.1', '[::1]']).to.include(link.hostname);
        }),
      ),
      RUNS,
    );
  });

  it('expirationFrom: any value yields an ISO timestamp or nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.nat().map((n) => `${n}s`),
        ),
        (value) => {
          const result = expirationFrom(value, 0);
          return result === undefined || !Number.isNaN(Date.parse(result));
        },
      ),
      RUNS,
    );
  });

  it('readRegistrationLink and describeDevice: any URL or user agent is read without throwing', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
        (url, agent) => {
          const link = readRegistrationLink(new URL(url));
          const device = describeDevice(agent);
          return (
            typeof link === 'object' && typeof device.browser === 'string' && typeof device.os === 'string'
          );
        },
      ),
      RUNS,
    );
  });
});
