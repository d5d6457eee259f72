import type { ApiGeneration, BackendConfig, RegistrationBackend } from '../../backends/types.js';
import { RegistrationError } from '../../core/errors.js';

/** A module loaded on first use, then at hand synchronously. */
interface LazyModule<T> {
  /** The module, once loaded; `undefined` before. */
  readonly loaded: T | undefined;
  /** Loads the module once; a failed load (offline, blocked) is tried again next time. */
  load(): Promise<T>;
}

/**
 * `pick` takes what the element needs from the module (default: the module itself); it applies to a retry
 * too, which imports the module afresh (see `importAfresh`).
 */
export function lazyModule<M, T = M>(
  what: string,
  importModule: () => Promise<M>,
  pick: (module: M) => T = (module) => module as unknown as T,
): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  let failedUrl: string | undefined;
  let retries = 0;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      loading ??= (failedUrl ? importAfresh<M>(failedUrl, ++retries) : importModule()).then(
        (module) => (loaded = pick(module)),
        (error: unknown) => {
          loading = undefined;
          failedUrl ??= moduleUrlOf(error);
          throw new RegistrationError('network', `The ${what} could not be loaded`, { cause: error });
        },
      );
      return loading;
    },
  };
}

/** Builds a ZITADEL adapter from the shared configuration. */
type ZitadelAdapter = (config: BackendConfig) => RegistrationBackend;

/**
 * The module a failed `import()` names: Firefox's error ends "error loading dynamically imported module:
 * <url>", Chromium's "Failed to fetch dynamically imported module: <url>" (Safari's names none).
 */
function moduleUrlOf(error: unknown): string | undefined {
  return (error instanceof Error && /\b(https?:\/\/\S+)$/.exec(error.message.trim())?.[1]) || undefined;
}

/**
 * Firefox keeps a failed import in the page's module map: importing the same URL again fails at once,
 * without a request, until the page reloads. A query of its own makes the retry a module Firefox loads
 * anew (Chromium would fetch again anyway). Its static imports keep their URLs, so a retry cannot mend a
 * failed dependency in Firefox; the first file fetched is what usually fails (offline, a removed chunk).
 */
function importAfresh<T>(url: string, retry: number): Promise<T> {
  const fresh = new URL(url);
  fresh.searchParams.set('retry', String(retry));
  return import(/* @vite-ignore */ /* webpackIgnore: true */ fresh.href) as Promise<T>;
}

/**
 * What an element needs only once it talks to a server — the ZITADEL adapter of its API generation here,
 * the ceremony with `@simplewebauthn/browser`, the QR code — is split from the element: it loads when the
 * element becomes visible, hovered or focused (or at its first use), so the element's own code stays small
 * and renders at once. Each generation is its own chunk: a page on v2 never downloads v1 or v3alpha code.
 */
const zitadelAdapters: Readonly<Record<ApiGeneration, LazyModule<ZitadelAdapter>>> = {
  v2: lazyModule(
    'ZITADEL v2 adapter',
    () => import('../../backends/zitadel-v2.js'),
    (m) => m.zitadelV2,
  ),
  v3alpha: lazyModule(
    'ZITADEL v3alpha adapter',
    () => import('../../backends/zitadel-v3alpha.js'),
    (m) => m.zitadelV3alpha,
  ),
  v1: lazyModule(
    'ZITADEL v1 adapter',
    () => import('../../backends/zitadel-v1.js'),
    (m) => m.zitadelV1,
  ),
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
