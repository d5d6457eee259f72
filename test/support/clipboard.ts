import { command } from './authenticator.js';
import { engine } from './engine.js';

/**
 * Whether a test can read the clipboard back: Chromium and Firefox once `grantClipboard()` ran. WebKit's
 * WebDriver (classic) cannot grant the permission, so there a test checks what the kit handed to
 * `navigator.clipboard.writeText` (`recordClipboardWrites`) instead.
 */
export const canReadClipboard = engine.name !== 'webkit';

/** Lets the page read and write the clipboard without a prompt; throws `UnsupportedInEngineError` in WebKit. */
export async function grantClipboard(): Promise<void> {
  await command('clipboard:grant');
}

/**
 * Records every text handed to `navigator.clipboard.writeText`, which still writes it. `restore()` puts the
 * browser's own method back.
 */
export function recordClipboardWrites(): { texts: string[]; restore: () => void } {
  const texts: string[] = [];
  const own = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
  const write = own.value as Clipboard['writeText'];
  Object.defineProperty(Clipboard.prototype, 'writeText', {
    configurable: true,
    value(this: Clipboard, text: string) {
      texts.push(text);
      return write.call(this, text);
    },
  });
  return { texts, restore: () => Object.defineProperty(Clipboard.prototype, 'writeText', own) };
}
