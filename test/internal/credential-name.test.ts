import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_NAME_LENGTH, limitName } from '../../src/internal/registration/credential-name.js';

const codePoints = (text: string) => [...text];
const hasLoneSurrogate = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** Any text: astral characters, and lone surrogates as a broken paste may leave them. */
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('😀', '👩‍👩‍👧', '𝔘', 'é'),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('credential names', () => {
  it('cut to 200 code points, never a lone surrogate, and a prefix of the text (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const name = limitName(text);
        const points = codePoints(name);
        expect(points.length).to.be.at.most(MAX_NAME_LENGTH);
        expect(hasLoneSurrogate(name), JSON.stringify(name)).to.equal(false);
        const wellFormed = codePoints(limitName(text, Number.MAX_SAFE_INTEGER));
        expect(points).to.deep.equal(wellFormed.slice(0, MAX_NAME_LENGTH));
        if (!hasLoneSurrogate(text) && codePoints(text).length <= MAX_NAME_LENGTH)
          expect(name).to.equal(text);
      }),
      { numRuns: 500 },
    );
  });

  it('counts an emoji as one character and never splits its surrogate pair', () => {
    expect(codePoints(limitName('😀'.repeat(250)))).to.have.length(200);
    const afterOne = limitName(`a${'😀'.repeat(250)}`);
    expect(codePoints(afterOne)).to.have.length(200);
    expect(afterOne.endsWith('😀')).to.equal(true);
  });

  it('replaces a lone surrogate with U+FFFD', () => {
    expect(limitName('key\uD83D')).to.equal('key\uFFFD');
  });
});
