/**
 * The kit's texts, for a page that shows them itself or writes `strings` overrides from them:
 * `passkey-elements/messages`. Apart from the elements, so that no element entry carries the texts of the
 * others (the link admin's and the list's English would otherwise load up front with every registration).
 */
export { en } from './i18n/en.js';
export { loadMessages } from './i18n/load-messages.js';
export { LANGUAGES, catalogFor } from './i18n/index.js';
export type { MessageFamilies, MessageFamily, Messages } from './i18n/messages.js';
export type { MessageOverrides } from './internal/shared/configured-element.js';
