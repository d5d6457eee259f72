import { en } from './en.js';
import { catalogFor, loadFamily } from './index.js';
import type { Messages } from './messages.js';

/** Every text in a language (all four families), English where a family is missing. */
export async function loadMessages(language: string): Promise<Messages> {
  if (catalogFor(language) === 'en') return en;
  const [common, registration, link, list] = await Promise.all([
    loadFamily(language, 'common'),
    loadFamily(language, 'registration'),
    loadFamily(language, 'link'),
    loadFamily(language, 'list'),
  ]);
  return { ...en, ...common, ...registration, ...link, ...list };
}
