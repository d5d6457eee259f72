// @ts-check
/// <reference types="node" />
/**
 * The build minifies the text of lit's `css` and `html` templates (scripts/minify-templates.mjs). What it
 * may change is said here case by case; that nothing renders differently is checked in Chromium: every
 * element, in the states a page shows first, built with and without the minification — the same DOM (text
 * compared with its whitespace collapsed, as `white-space: normal` renders it), the same computed style of
 * every node in the shadow roots and the same boxes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { collapseHtml, minifyTemplates, minifyTemplatesPlugin } from '../../scripts/minify-templates.mjs';

/** @param {string} source */
const minified = (source) => minifyTemplates(source, 'example.ts');

describe('minifyTemplates: html templates', () => {
  it('collapses a run of whitespace in text to one space, and whitespace-only text stays a text node', () => {
    assert.equal(
      minified('html`\n  <div part="base">\n    <p>${a}</p>\n  </div>\n`;'),
      'html` <div part="base"> <p>${a}</p> </div> `;',
    );
  });

  it('keeps one space between attributes and none before the end of a tag', () => {
    assert.equal(
      minified('html`<input\n  part="input"\n  ?readonly=${busy}\n/><span\n>${x}</span\n>`;'),
      'html`<input part="input" ?readonly=${busy} /><span>${x}</span>`;',
    );
  });

  it('leaves quoted attribute values, comments and the no-break space as written', () => {
    const source = 'html`<p title="a\n   b" class=\'c  d\'><!--  x\n  y  -->e\u00a0\u00a0f</p>`;';
    assert.equal(minified(source), source);
  });

  it('leaves the code of ${} expressions alone, nested templates minified on their own', () => {
    assert.equal(
      minified("html`<p>\n  ${ok ? 'two  spaces' : html`<b>\n  x</b>`}\n</p>`;"),
      "html`<p> ${ok ? 'two  spaces' : html`<b> x</b>`} </p>`;",
    );
  });

  it('carries the state across expressions: a quoted value with an expression inside stays as written', () => {
    assert.deepEqual(collapseHtml(['<a class="x  ', '  y"  >\n ', '</a>']), [
      '<a class="x  ',
      '  y"> ',
      '</a>',
    ]);
  });

  it('leaves a template with <pre>, <textarea> or white-space: pre as written', () => {
    for (const source of [
      'html`<pre>\n  a\n</pre>`;',
      'html`<textarea>\n  a</textarea>`;',
      'html`<p style="white-space: pre-wrap">\n  a</p>`;',
    ]) {
      assert.equal(minified(source), source);
    }
  });

  it('leaves templates of other tags and untagged template literals alone', () => {
    const source = 'svg`<g>\n  </g>`; const text = `a\n   b`; other`<p>\n </p>`;';
    assert.equal(minified(source), source);
  });
});

describe('minifyTemplates: css templates', () => {
  it('ships the minified form of the same rules', () => {
    assert.equal(
      minified("css`\n  :host {\n    display: block;\n  }\n  [part~='button'] {\n    color: red;\n  }\n`;"),
      'css`:host{display:block}[part~=button]{color:red}`;',
    );
  });

  it('fails the build on CSS it cannot parse, rather than ship it changed', () => {
    assert.throws(() => minified('css`:host( { color: red; }`;'), /Unexpected end of input/);
  });

  it('leaves a css template with an expression in it as written', () => {
    const source = 'css`:host {\n  color: ${unsafeCSS(color)};\n}`;';
    assert.equal(minified(source), source);
  });
});

/** One page with every element in the states it shows first, read back as data. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
<passkey-register user-id="100000000000000001"></passkey-register>
<passkey-register user-id="100000000000000001" ask-name theme="dark" dir="rtl"></passkey-register>
<passkey-register from-url></passkey-register>
<u2f-register user-id="100000000000000001" ask-name theme="light"></u2f-register>
<registration-link-admin></registration-link-admin>
<registration-link-admin user-id="100000000000000001" delivery="email" theme="auto"></registration-link-admin>
<authenticator-list></authenticator-list>
</body></html>`;

/** In the page: every element's shadow tree, node by node, with computed styles and boxes. */
function readRenderedElements() {
  /** @param {Node} node @returns {unknown} */
  const read = (node) => {
    if (node.nodeType === Node.TEXT_NODE)
      return { text: (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ') };
    if (!(node instanceof Element)) return { node: node.nodeName };
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return {
      tag: node.localName,
      attributes: Array.from(node.attributes).map((attribute) => `${attribute.name}=${attribute.value}`),
      // Custom properties compute to their tokens as written (`0.5rem` against `.5rem`); what they do is
      // seen in the properties that use them, all of which are compared.
      style: Array.from(style)
        .filter((property) => !property.startsWith('--'))
        .map((property) => `${property}: ${style.getPropertyValue(property)}`),
      box: [box.x, box.y, box.width, box.height],
      children: Array.from(node.childNodes).map(read),
    };
  };
  return Array.from(document.body.children).map((element) => ({
    host: read(element),
    shadow: Array.from(element.shadowRoot?.childNodes ?? []).map(read),
  }));
}

describe('the minified build renders as the unminified one', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(() => browser?.close());

  /** @param {boolean} minify */
  async function render(minify) {
    const { outputFiles } = await esbuild.build({
      entryPoints: [new URL('../../src/passkey-elements.ts', import.meta.url).pathname],
      tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'error',
      plugins: minify ? [minifyTemplatesPlugin()] : [],
    });
    const code = outputFiles[0]?.text ?? '';
    const page = await browser.newPage({ viewport: { width: 800, height: 2000 } });
    try {
      await page.setContent(PAGE);
      await page.addScriptTag({ type: 'module', content: code });
      await page.waitForFunction(() =>
        Array.from(document.body.children).every((element) =>
          element.shadowRoot?.querySelector('[part~="base"]'),
        ),
      );
      // The list asks its (absent) backend once; let every element settle.
      await page.waitForTimeout(300);
      return { code, rendered: await page.evaluate(readRenderedElements) };
    } finally {
      await page.close();
    }
  }

  it('with the same DOM, computed styles and boxes for every element', async () => {
    const plain = await render(false);
    const small = await render(true);
    assert.ok(small.code.length < plain.code.length - 4000, 'the templates did get smaller');
    assert.equal(small.rendered.length, 7);
    assert.deepEqual(small.rendered, plain.rendered);
  });
});
