/** The longest name stored with a credential, in code points (what a person counts as characters). */
export const MAX_NAME_LENGTH = 200;

/**
 * `name` cut to `max` code points. A surrogate pair is never split, and a lone surrogate already in the
 * input becomes U+FFFD: the server gets well-formed text.
 */
export function limitName(name: string, max: number = MAX_NAME_LENGTH): string {
  let result = '';
  let count = 0;
  for (const codePoint of name) {
    if (count === max) break;
    const unit = codePoint.charCodeAt(0);
    // Iterating by code point yields a lone surrogate as a one-unit string.
    result += codePoint.length === 1 && unit >= 0xd800 && unit <= 0xdfff ? '\uFFFD' : codePoint;
    count += 1;
  }
  return result;
}
