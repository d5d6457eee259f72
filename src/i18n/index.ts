import type { MessageFamilies, MessageFamily, Messages } from './messages.js';

export type { MessageFamilies, MessageFamily, Messages };

/** The languages the kit speaks, English first; `./catalogs.ts` has one module per language and family. */
export const LANGUAGES: readonly string[] = ['en', 'de', 'fr', 'es', 'it', 'ja', 'zh'];

const loaded = new Map<string, Promise<object | undefined>>();

/** The catalog for a BCP 47 tag (`de-CH` → `de`, `zh-Hans-CN` → `zh`); unknown languages get English. */
export function catalogFor(language: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGES.includes(base) ? base : 'en';
}

/**
 * One family of texts in a language; `undefined` for English (built in), an unknown language, or a chunk
 * that failed to load (offline, blocked): the element then keeps its English words.
 */
export function loadFamily<F extends MessageFamily>(
  language: string,
  family: F,
): Promise<MessageFamilies[F] | undefined> {
  const catalog = catalogFor(language);
  const key = `${catalog}/${family}`;
  let texts = loaded.get(key);
  if (!texts) {
    // The table of catalogs is a chunk of its own too: a page in English never loads it.
    texts =
      catalog === 'en'
        ? Promise.resolve(undefined)
        : import('./catalogs.js')
            .then(({ CATALOGS }) => CATALOGS[catalog]?.[family]())
            .catch(() => undefined);
    loaded.set(key, texts);
  }
  return texts as Promise<MessageFamilies[F] | undefined>;
}
