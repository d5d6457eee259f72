import { command } from './authenticator.js';

export interface EmulatedMedia {
  colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
  forcedColors?: 'active' | 'none' | null;
  /** `'coarse'`: a touch screen, `pointer` and `any-pointer` coarse; `null` ends it. */
  pointer?: 'coarse' | null;
}

/**
 * Emulates media features in every engine, through this suite's `media:emulate` command: wtr's own
 * `emulateMedia` drops `forcedColors` outside Playwright, so Firefox would never enter forced colours.
 * Chromium emulates them (Playwright); Firefox sets the prefs behind them (`marionette-firefox.mjs`).
 * WebKit's WebDriver cannot: there it throws `UnsupportedInEngineError` rather than emulate nothing.
 */
export async function emulateMedia(media: EmulatedMedia): Promise<void> {
  await command('media:emulate', media);
}
