import { command } from './authenticator.js';

/**
 * Lets the page read and write the clipboard without a prompt, where `engine.canGrantClipboard`; throws
 * `UnsupportedInEngineError` elsewhere (WebKit).
 */
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
