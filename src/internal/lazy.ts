import { RegistrationError } from './errors.js';

/** A module loaded on first use, then at hand synchronously. */
export interface LazyModule<T> {
  /** The module, once loaded; `undefined` before. */
  readonly loaded: T | undefined;
  /** Loads the module once; a failed load (offline, blocked) is tried again next time. */
  load(): Promise<T>;
}

export function lazyModule<T>(what: string, importModule: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      loading ??= importModule().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          throw new RegistrationError('network', `The ${what} could not be loaded`, { cause: error });
        },
      );
      return loading;
    },
  };
}

/**
 * What an element needs only once it talks to a server — the ZITADEL adapters here, the ceremony with
 * `@simplewebauthn/browser`, the QR code — is split from the element: it loads when the element becomes
 * visible, hovered or focused (or at its first use), so the element's own code stays small and renders
 * at once.
 */
export const backendsModule = lazyModule('ZITADEL adapters', () => import('../backends/index.js'));
