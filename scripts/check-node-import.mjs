// @ts-check
/**
 * Importing the package in Node (server-side rendering, tests, build tools) must not throw: the elements
 * define themselves only where `customElements` exists. CI runs this after `npm run build`. Not
 * `dist/passkey-elements.js`: the script-tag bundle carries lit's browser build and is for browsers only.
 */
import assert from 'node:assert/strict';

const entries = {
  'dist/index.js': [
    'PasskeyRegisterElement',
    'U2fRegisterElement',
    'RegistrationLinkAdminElement',
    'AuthenticatorListElement',
    'zitadelV2',
  ],
  'dist/passkey-register.js': ['PasskeyRegisterElement'],
  'dist/u2f-register.js': ['U2fRegisterElement'],
  'dist/registration-link-admin.js': ['RegistrationLinkAdminElement'],
  'dist/authenticator-list.js': ['AuthenticatorListElement'],
  'dist/backends.js': ['zitadelV2', 'zitadelV3alpha', 'zitadelV1', 'RegistrationError'],
  // Needs React (an optional peer; a devDependency here): server-side rendering imports it in Node.
  'dist/react.js': ['PasskeyRegister', 'U2fRegister', 'RegistrationLinkAdmin', 'AuthenticatorList'],
  // Types only: empty modules, so that `import 'passkey-elements/jsx'` cannot break anything.
  'dist/jsx.js': [],
  'dist/vue.js': [],
};

for (const [file, names] of Object.entries(entries)) {
  const module = await import(new URL(`../${file}`, import.meta.url).href);
  for (const name of names) assert.ok(module[name], `${file} exports ${name}`);
  console.log(`ok ${file} imports in Node ${process.version} (${Object.keys(module).length} exports)`);
}
// The backend layer works without a DOM too.
const { zitadelV2, normalizeCreationOptions } = await import(
  new URL('../dist/index.js', import.meta.url).href
);
assert.equal(zitadelV2({}).label, 'ZITADEL v2');
assert.equal(
  normalizeCreationOptions({ publicKey: { challenge: 'AAAA', rp: {}, user: { id: 'AA', name: 'a' } } })
    .challenge,
  'AAAA',
);
console.log('ok the backend layer runs in Node');
