import type { ApiGeneration, BackendConfig, RegistrationBackend } from '../backends/types.js';
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

/** Builds a ZITADEL adapter from the shared configuration. */
export type ZitadelAdapter = (config: BackendConfig) => RegistrationBackend;

/**
 * What an element needs only once it talks to a server — the ZITADEL adapter of its API generation here,
 * the ceremony with `@simplewebauthn/browser`, the QR code — is split from the element: it loads when the
 * element becomes visible, hovered or focused (or at its first use), so the element's own code stays small
 * and renders at once. Each generation is its own chunk: a page on v2 never downloads v1 or v3alpha code.
 */
const zitadelAdapters: Readonly<Record<ApiGeneration, LazyModule<ZitadelAdapter>>> = {
  v2: lazyModule('ZITADEL v2 adapter', () => import('../backends/zitadel-v2.js').then((m) => m.zitadelV2)),
  v3alpha: lazyModule('ZITADEL v3alpha adapter', () =>
    import('../backends/zitadel-v3alpha.js').then((m) => m.zitadelV3alpha),
  ),
  v1: lazyModule('ZITADEL v1 adapter', () => import('../backends/zitadel-v1.js').then((m) => m.zitadelV1)),
};

/** The adapter of an API generation, loaded on first use; an unknown generation fails to load as `invalid-input`. */
export function zitadelAdapter(api: ApiGeneration): LazyModule<ZitadelAdapter> {
  if (Object.hasOwn(zitadelAdapters, api)) return zitadelAdapters[api];
  return {
    loaded: undefined,
    load: () =>
      Promise.reject(new RegistrationError('invalid-input', `Unknown API generation "${String(api)}"`)),
  };
}
