import type { MessageFamilies, MessageFamily } from './messages.js';

type Catalog = { [F in MessageFamily]: () => Promise<MessageFamilies[F]> };

/**
 * The languages besides English, each family of texts its own chunk, loaded the first time an element
 * needs it: a page with only `<passkey-register>` never loads the link or list texts. English is built
 * in so the elements render at once, and stays the fallback.
 */
export const CATALOGS: Readonly<Record<string, Catalog>> = {
  de: {
    common: () => import('./de/common.js').then((module) => module.common),
    registration: () => import('./de/registration.js').then((module) => module.registration),
    link: () => import('./de/link.js').then((module) => module.link),
    list: () => import('./de/list.js').then((module) => module.list),
  },
  fr: {
    common: () => import('./fr/common.js').then((module) => module.common),
    registration: () => import('./fr/registration.js').then((module) => module.registration),
    link: () => import('./fr/link.js').then((module) => module.link),
    list: () => import('./fr/list.js').then((module) => module.list),
  },
  es: {
    common: () => import('./es/common.js').then((module) => module.common),
    registration: () => import('./es/registration.js').then((module) => module.registration),
    link: () => import('./es/link.js').then((module) => module.link),
    list: () => import('./es/list.js').then((module) => module.list),
  },
  it: {
    common: () => import('./it/common.js').then((module) => module.common),
    registration: () => import('./it/registration.js').then((module) => module.registration),
    link: () => import('./it/link.js').then((module) => module.link),
    list: () => import('./it/list.js').then((module) => module.list),
  },
  ja: {
    common: () => import('./ja/common.js').then((module) => module.common),
    registration: () => import('./ja/registration.js').then((module) => module.registration),
    link: () => import('./ja/link.js').then((module) => module.link),
    list: () => import('./ja/list.js').then((module) => module.list),
  },
  zh: {
    common: () => import('./zh/common.js').then((module) => module.common),
    registration: () => import('./zh/registration.js').then((module) => module.registration),
    link: () => import('./zh/link.js').then((module) => module.link),
    list: () => import('./zh/list.js').then((module) => module.list),
  },
};
