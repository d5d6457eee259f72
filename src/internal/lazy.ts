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
  let failedUrl: string | undefined;
  let retries = 0;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      loading ??= (failedUrl ? importAfresh<T>(failedUrl, ++retries) : importModule()).then(
        (module) => (loaded = module),
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
 * What an element needs only once it talks to a server — the ZITADEL adapters here, the ceremony with
 * `@simplewebauthn/browser`, the QR code — is split from the element: it loads when the element becomes
 * visible, hovered or focused (or at its first use), so the element's own code stays small and renders
 * at once.
 */
export const backendsModule = lazyModule('ZITADEL adapters', () => import('../backends/index.js'));
