// @ts-check
/**
 * Importing the package in Node (server-side rendering, tests, build tools, the proxy) must not throw: every
 * entry of `package.json#exports`, by its package specifier (the package refers to itself), so Node picks
 * what a consumer gets — for `./passkey-elements.js` that is its `node` condition, since the script-tag
 * bundle carries lit's browser build. The elements define themselves only where `customElements` exists.
 * CI runs this after `npm run build`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// The root and the script tag export the registration classes and `discover`; the link admin and the list are
// defined when their tag appears, their classes exported by their own entries.
const ELEMENTS = ['PasskeyRegisterElement', 'U2fRegisterElement', 'discover'];

/** What each entry must export; an entry of the exports map missing here fails the check. */
const entries = {
  '.': [...ELEMENTS, 'RegistrationError'],
  './passkey-register.js': ['PasskeyRegisterElement'],
  './u2f-register.js': ['U2fRegisterElement'],
  './registration-link-admin.js': ['RegistrationLinkAdminElement', 'checkLinkTemplate', 'fillLinkTemplate'],
  './authenticator-list.js': ['AuthenticatorListElement'],
  './backends': ['zitadelV2', 'zitadelV3alpha', 'zitadelV1', 'RegistrationError'],
  './messages': ['en', 'loadMessages', 'catalogFor', 'LANGUAGES'],
  './proxy': ['createProxy', 'nodeHandler'],
  // Needs @lit-labs/ssr (an optional peer; a devDependency here).
  './ssr': ['renderElement', 'SSR_TAGS'],
  './passkey-elements.js': ELEMENTS,
  './custom-elements.json': ['modules'],
  './package.json': ['exports'],
  // Needs React (an optional peer; a devDependency here): server-side rendering imports it in Node.
  './react': ['PasskeyRegister', 'U2fRegister', 'RegistrationLinkAdmin', 'AuthenticatorList'],
  // Types only: empty modules, so that `import 'passkey-elements/jsx'` cannot break anything.
  './jsx': [],
  './vue': [],
};

assert.deepEqual(Object.keys(entries).sort(), Object.keys(pkg.exports).sort(), 'every export is checked');
for (const [entry, names] of Object.entries(entries)) {
  const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
  const loaded = entry.endsWith('.json')
    ? (await import(specifier, { with: { type: 'json' } })).default
    : await import(specifier);
  for (const name of names) assert.ok(loaded[name], `${specifier} exports ${name}`);
  console.log(`ok ${specifier} imports in Node ${process.version} (${Object.keys(loaded).length} exports)`);
}
// The backend layer works without a DOM too.
const { zitadelV2, normalizeCreationOptions } = await import('passkey-elements/backends');
assert.equal(zitadelV2({}).label, 'ZITADEL v2');
assert.equal(
  normalizeCreationOptions({ publicKey: { challenge: 'AAAA', rp: {}, user: { id: 'AA', name: 'a' } } })
    .challenge,
  'AAAA',
);
console.log('ok the backend layer runs in Node');
