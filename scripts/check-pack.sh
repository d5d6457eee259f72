#!/usr/bin/env bash
# `npm pack` must produce a package that installs in a fresh folder and works there:
# - every file the exports map names (each `types` and each module) is in the tarball;
# - every JS entry imports in Node;
# - a consumer's TypeScript type-checks against every entry: first `.`, the element entries and
#   `./backends` with neither React nor Vue installed (the main entry must not need them), then
#   `./react`, `./jsx` and `./vue` with React's types and Vue. The type tests are test/types/*, the same
#   files `npm run typecheck` checks against the source; their `@ts-expect-error` lines make tsc fail when
#   the packed types accept what they must refuse.
# TypeScript, React and Vue come in the versions the repo has installed, so npm finds them in its cache.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm pkg set type=module
install() { npm install --no-audit --no-fund --silent --prefer-offline "$@" >/dev/null; }
version() { node -p "require('$root/node_modules/$1/package.json').version"; }
install "./$tarball"
test -s node_modules/passkey-elements/custom-elements.json

cat > check.mjs <<'JS'
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
const folder = 'node_modules/passkey-elements';
const pkg = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
const targets = Object.entries(pkg.exports).flatMap(([entry, target]) =>
  (typeof target === 'string' ? [target] : Object.values(target)).map((file) => [entry, file]),
);
for (const [entry, file] of [...targets, ['types', pkg.types], ['main', pkg.main]]) {
  assert.ok(existsSync(`${folder}/${file}`), `${entry}: ${file} is in the tarball`);
}
const typed = targets.filter(([, file]) => file.endsWith('.d.ts')).map(([entry]) => entry);
for (const entry of ['.', './backends', './messages', './react', './jsx', './vue']) assert.ok(typed.includes(entry), `${entry} has types`);
console.log(`ok all ${targets.length} files of the exports map are in the tarball (${typed.length} entries with types)`);

// Every JS entry imports in Node (./passkey-elements.js by its node condition), except ./react and ./ssr before
// their optional peers (React, @lit-labs/ssr) are installed.
const withPeers = process.argv[2] === 'with-peers';
const modules = Object.keys(pkg.exports).filter(
  (entry) => !entry.endsWith('.json') && (withPeers || (entry !== './react' && entry !== './ssr')),
);
for (const entry of modules) await import(entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`);
const kit = await import('passkey-elements');
assert.ok(kit.PasskeyRegisterElement && kit.discover && kit.RegistrationError);
const { AuthenticatorListElement } = await import('passkey-elements/authenticator-list.js');
assert.ok(AuthenticatorListElement);
const { zitadelV3alpha } = await import('passkey-elements/backends');
assert.equal(zitadelV3alpha({}).label, 'ZITADEL v3alpha');
const { en, loadMessages } = await import('passkey-elements/messages');
assert.equal((await loadMessages('en')).linkCopy, en.linkCopy);
console.log(`ok ${modules.join(', ')} import in Node`);
JS
node check.mjs

# The type tests, against the installed package (no `paths`: the exports map resolves them).
mkdir types
cp "$root"/test/types/*.ts "$root"/test/types/*.tsx types/
tsconfig() {
  cat > "tsconfig.$1.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "$2",
    "moduleResolution": "$3",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "strict": true,
    "noEmit": true,
    "jsx": "react-jsx",
    "types": [],
    "skipLibCheck": $4
  },
  "files": [$5]
}
JSON
}
install "typescript@$(version typescript)"
# Without React or Vue; our own .d.ts files are checked too (skipLibCheck off). npm installs React's types
# as a peer of @lit/react, so remove them: a consumer without them (pnpm, --legacy-peer-deps) must work.
rm -rf node_modules/@types/react
tsconfig bundler ESNext Bundler false '"types/entries.ts"'
tsconfig node NodeNext NodeNext false '"types/entries.ts"'
npx tsc -p tsconfig.bundler.json
npx tsc -p tsconfig.node.json
echo "ok . ./passkey-register.js ./u2f-register.js ./registration-link-admin.js ./authenticator-list.js ./backends ./messages type-check without React or Vue (Bundler and NodeNext)"

install "react@$(version react)" "@types/react@$(version @types/react)" "vue@$(version vue)" \
  "@lit-labs/ssr@$(version @lit-labs/ssr)"
# lib checking off here: Vue's and React's own declarations are not ours to check.
tsconfig frameworks ESNext Bundler true '"types/entries.ts", "types/react.tsx", "types/jsx.tsx", "types/vue.ts"'
npx tsc -p tsconfig.frameworks.json
node check.mjs with-peers >/dev/null
echo "ok ./react ./jsx ./vue type-check with React $(version react) and Vue $(version vue); ./react and ./ssr import in Node"
echo "ok $tarball installs, imports and type-checks in a fresh folder"
