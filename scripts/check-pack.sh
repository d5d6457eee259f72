#!/usr/bin/env bash
# `npm pack` must produce a package that installs in a fresh folder and imports there, with its types.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball" >/dev/null
test -s node_modules/passkey-elements/custom-elements.json
test -s node_modules/passkey-elements/dist/passkey-elements.js
test -s node_modules/passkey-elements/dist/index.d.ts
cat > check.mjs <<'JS'
import assert from 'node:assert/strict';
const kit = await import('passkey-elements');
assert.ok(kit.PasskeyRegisterElement && kit.AuthenticatorListElement && kit.zitadelV2);
const { zitadelV3alpha } = await import('passkey-elements/backends');
assert.equal(zitadelV3alpha({}).label, 'ZITADEL v3alpha');
await import('passkey-elements/passkey-register.js');
await import('passkey-elements/registration-link-admin.js');
console.log(`ok ${process.argv[2]} installs and imports in a fresh folder`);
JS
node check.mjs "$tarball"
