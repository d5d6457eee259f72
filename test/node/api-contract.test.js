// @ts-check
/// <reference types="node" />
/**
 * docs/API.md is the public contract; custom-elements.json is generated from the code's JSDoc. They must
 * agree: every tag, attribute, event, public method, part, custom property and slot the manifest lists is in
 * the contract, and the contract's table of parts, custom properties and slots is exactly the manifest's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const contract = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));

/**
 * @typedef {{ name: string }} Named
 * @typedef {{ tagName?: string, attributes?: Named[], events?: Named[], cssParts?: Named[],
 *   cssProperties?: Named[], slots?: Named[], members?: (Named & { kind: string, privacy?: string, static?: boolean })[] }} Declaration
 */
/** @type {Declaration[]} */
const elements = manifest.modules.flatMap((/** @type {{ declarations?: Declaration[] }} */ module) =>
  (module.declarations ?? []).filter((declaration) => declaration.tagName),
);
const names = (/** @type {Named[] | undefined} */ list) => (list ?? []).map((item) => item.name).sort();

/** The row of the "Parts, custom properties and slots" table for a tag: `[parts, properties, slots]`. */
function hooksRow(/** @type {string} */ tag) {
  const row = contract.split('\n').find((line) => new RegExp(`^\\|\\s*\`<${tag}>\`\\s*\\|`).test(line));
  assert.ok(row, `docs/API.md has a parts row for <${tag}>`);
  return row
    .split('|')
    .slice(2, 5)
    .map((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '').sort());
}

describe('docs/API.md and custom-elements.json', () => {
  it('list the same four elements', () => {
    assert.deepEqual(elements.map((element) => element.tagName).sort(), [
      'authenticator-list',
      'passkey-register',
      'registration-link-admin',
      'u2f-register',
    ]);
    for (const element of elements)
      assert.ok(contract.includes(`<${element.tagName}>`), `<${element.tagName}>`);
  });

  for (const element of elements) {
    const tag = /** @type {string} */ (element.tagName);
    it(`<${tag}>: every attribute, event and public method is in the contract`, () => {
      const methods = (element.members ?? []).filter(
        (member) => member.kind === 'method' && !member.privacy && !member.static,
      );
      for (const name of [...names(element.attributes), ...names(element.events)]) {
        assert.ok(contract.includes(`\`${name}\``), `<${tag}> ${name} is in docs/API.md`);
      }
      for (const { name } of methods)
        assert.ok(contract.includes(`\`${name}(`), `<${tag}> ${name}() is in docs/API.md`);
    });

    it(`<${tag}>: parts, custom properties and slots are exactly the manifest's`, () => {
      const [parts, properties, slots] = hooksRow(tag);
      assert.deepEqual(parts, names(element.cssParts), `<${tag}> parts`);
      assert.deepEqual(properties, names(element.cssProperties), `<${tag}> custom properties`);
      assert.deepEqual(slots, names(element.slots), `<${tag}> slots`);
    });
  }
});
