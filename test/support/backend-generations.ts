/**
 * The API generations the backend contract runs for (test/backends/contract.test.ts, and its registrations
 * in contract-registration.test.ts), and the small helpers both files use.
 */
import type {
  BackendConfig,
  LinkDelivery,
  RegistrationBackend,
  RegistrationKind,
} from '../../src/backends/types.js';
import { zitadelV1 } from '../../src/backends/zitadel-v1.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { zitadelV3alpha } from '../../src/backends/zitadel-v3alpha.js';
import { RegistrationError } from '../../src/core/errors.js';
import type { V3alphaMode } from './mock-api.js';

/** What one API generation of ZITADEL offers, as the contract's cases read it. */
export interface Generation {
  name: string;
  label: string;
  backend: (config: BackendConfig) => RegistrationBackend;
  /** How the mock plays v3alpha for this row. */
  v3alpha?: V3alphaMode;
  /** The kinds it registers, lists and removes; none where ZITADEL registers on its own login page. */
  registers: RegistrationKind[];
  /** How a created link comes back with `delivery: 'return'`: its code, or a whole link to ZITADEL's login. */
  returns: 'code' | 'link';
  deliveries: LinkDelivery[];
  /** The kind the list gives what was registered as `kind`, whose authenticator did or did not verify the user. */
  listedKind: (kind: RegistrationKind, userVerified: boolean) => RegistrationKind;
  /** How the list answers a user ZITADEL does not have: a search finds nothing, a GetUser is a 404. */
  unknownUserList?: 'empty' | 'not-found';
}

export const GENERATIONS: Generation[] = [
  {
    name: 'v2 (UserService: passkeys and U2F apart)',
    label: 'ZITADEL v2',
    backend: zitadelV2,
    registers: ['passkey', 'u2f'],
    returns: 'code',
    deliveries: ['return', 'email'],
    // Passkeys and U2F keys are two lists in ZITADEL.
    listedKind: (kind) => kind,
    // ListPasskeys and ListAuthenticationFactors are searches.
    unknownUserList: 'empty',
  },
  {
    name: 'v3alpha as the protos describe it (one list of WebAuthN authenticators)',
    label: 'ZITADEL v3alpha',
    backend: zitadelV3alpha,
    v3alpha: 'implemented',
    registers: ['passkey', 'u2f'],
    returns: 'code',
    deliveries: ['return', 'email'],
    // One list of WebAuthN authenticators: one that verified the user is a passkey, else a second factor.
    // (Firefox's virtual security key verifies the user even without `hasUserVerification`.)
    listedKind: (_kind, userVerified) => (userVerified ? 'passkey' : 'u2f'),
    // GetUser reads one user.
    unknownUserList: 'not-found',
  },
  {
    name: 'management v1 (links only: ZITADEL’s login page registers)',
    label: 'ZITADEL management v1',
    backend: zitadelV1,
    registers: [],
    listedKind: (kind) => kind,
    returns: 'link',
    deliveries: ['return', 'email'],
  },
];

export const signal = () => new AbortController().signal;

/** The error a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown> | undefined): Promise<RegistrationError> {
  if (!promise) throw new Error('the backend has no such operation');
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistrationError) return error;
    throw new Error(`expected a RegistrationError, got ${String(error)}`);
  }
  throw new Error('expected a refusal, but the backend answered');
}
