import { en } from './en.js';
import type { Messages } from './messages.js';

export type { Messages };
export { en };

/**
 * The catalogs besides English, each its own chunk, loaded the first time an element needs it. English is
 * built in so the elements render at once, and stays the fallback.
 */
const CATALOGS: Readonly<Record<string, () => Promise<Messages>>> = {
  de: () => import('./de.js').then((module) => module.de),
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
  it: () => import('./it.js').then((module) => module.it),
  ja: () => import('./ja.js').then((module) => module.ja),
  zh: () => import('./zh.js').then((module) => module.zh),
};

/** The languages the kit speaks, English first. */
export const LANGUAGES: readonly string[] = ['en', ...Object.keys(CATALOGS)];

const loaded = new Map<string, Promise<Messages>>([['en', Promise.resolve(en)]]);

/** The catalog for a BCP 47 tag (`de-CH` → `de`, `zh-Hans-CN` → `zh`); unknown languages get English. */
export function catalogFor(language: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(CATALOGS, base) ? base : 'en';
}

export function loadMessages(language: string): Promise<Messages> {
  const key = catalogFor(language);
  let catalog = loaded.get(key);
  if (!catalog) {
    const load = CATALOGS[key];
    // A chunk that fails to load (offline, blocked) must not leave the element without words.
    catalog = load ? load().catch(() => en) : Promise.resolve(en);
    loaded.set(key, catalog);
  }
  return catalog;
}
