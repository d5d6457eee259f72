// @ts-check
/// <reference types="node" />
/**
 * `passkey-elements/ssr` in Node: every element renders on the server into declarative shadow DOM, in its
 * initial state, with its styles — from the built entry (`npm test` builds first), as an app server imports it.
 * The browser half (first paint, hydration, a registration) is test/ssr/ssr.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

const { renderElement, SSR_TAGS } = await import('passkey-elements/ssr');

const LABELS = {
  'passkey-register': 'Create a passkey',
  'u2f-register': 'Add a security key',
  'registration-link-admin': 'Create registration link',
  'authenticator-list': 'Loading your passkeys and security keys…',
};

describe('passkey-elements/ssr', () => {
  for (const tag of SSR_TAGS) {
    it(`renders <${tag}> with an open declarative shadow root, its styles and its first text`, async () => {
      const html = await renderElement(tag, { 'user-id': '100000000000000001' });
      assert.match(html, new RegExp(`^<!--lit-part [^>]*--><${tag}\\s+user-id="100000000000000001"`));
      assert.match(html, /<template shadowroot="open" shadowrootmode="open"><style>/);
      assert.ok(html.includes(LABELS[tag]), `${tag} says "${LABELS[tag]}"`);
      assert.doesNotMatch(html, /checked="false"/, 'no attribute that HTML reads the other way round');
    });
  }

  it('renders a landing page (from-url) without reading an address bar it does not have', async () => {
    const html = await renderElement('passkey-register', { 'from-url': true, 'base-url': '/zitadel' });
    assert.match(html, /<passkey-register\s+from-url base-url="\/zitadel"/);
    assert.ok(html.includes('<button'));
  });

  it('escapes attribute values, leaves out false ones and refuses what is not an attribute name or a kit tag', async () => {
    const html = await renderElement('u2f-register', {
      'user-id': '"><script>x</script>',
      'ask-name': false,
    });
    assert.ok(html.includes('user-id="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"'));
    assert.ok(!html.includes('ask-name'));
    await assert.rejects(renderElement('u2f-register', { 'on load': 'x' }), /is not an attribute name/);
    await assert.rejects(renderElement(/** @type {any} */ ('script'), {}), /unknown tag "script"/);
  });

  it("puts the page's CSP nonce on every <style> of the shadow roots, and refuses one that is not base64", async () => {
    for (const tag of SSR_TAGS) {
      const html = await renderElement(tag, {}, { nonce: 'rAnd0m+Nonce/Value==' });
      const styles = html.match(/<style[^>]*>/g) ?? [];
      assert.ok(styles.length > 0, tag);
      assert.deepEqual(new Set(styles), new Set(['<style nonce="rAnd0m+Nonce/Value==">']), tag);
    }
    for (const nonce of ['', 'a"b', 'a b', '<x>']) {
      await assert.rejects(renderElement('passkey-register', {}, { nonce }), /nonce/);
    }
  });
});
