// @ts-check
/// <reference types="node" />
/**
 * docs/API.md is the public contract; custom-elements.json is generated from the code's JSDoc. They must
 * agree: every tag, attribute, event, public method, part, custom property and slot the manifest lists is in
 * the contract, and the contract's table of parts, custom properties and slots is exactly the manifest's.
 * The manifest is built from the element files only, and what the elements share is written once, on the base
 * class the analyzer gives it to every subclass from.
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
      // An attribute is documented in a table row (its type, default and meaning), not only named in passing.
      const rows = contract.split('\n').filter((line) => line.startsWith('|'));
      for (const name of names(element.attributes)) {
        assert.ok(
          rows.some((row) => row.includes(`\`${name}\``)),
          `<${tag}> ${name} has a row in docs/API.md`,
        );
      }
      for (const name of names(element.events)) {
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

/**
 * @typedef {{ name: string, module?: string, package?: string }} Reference
 * @typedef {{ kind: string, name: string, tagName?: string, superclass?: Reference }} ClassLike
 * @typedef {{ path: string, declarations?: ClassLike[] }} Module
 */
/** @type {Module[]} */
const modules = manifest.modules;
/** Every class of the manifest by name, with the module that declares it. */
const classes = new Map(
  modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.kind === 'class')
      .map((declaration) => [declaration.name, { declaration, path: module.path }]),
  ),
);

/** The bases of a class the manifest declares, nearest first (the chain ends at a class from a package). */
function basesOf(/** @type {ClassLike} */ declaration) {
  const bases = [];
  for (let base = declaration.superclass; base && classes.has(base.name);) {
    const found = /** @type {{ declaration: ClassLike }} */ (classes.get(base.name));
    bases.push(found.declaration);
    base = found.declaration.superclass;
  }
  return bases;
}

/** The parts, custom properties, events and slots a class's own JSDoc block declares, as `@csspart base`. */
function hooksDeclaredBy(/** @type {string} */ name) {
  const path = /** @type {{ path: string }} */ (classes.get(name)).path;
  const source = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const start = source.search(new RegExp(`^export (?:abstract )?class ${name}\\b`, 'm'));
  assert.ok(start >= 0, `${path} declares class ${name}`);
  const before = source.slice(0, start).trimEnd();
  assert.ok(before.endsWith('*/'), `${name} has a JSDoc block`);
  const block = before.slice(before.lastIndexOf('/**'));
  const tag = { part: 'csspart', cssproperty: 'cssprop', fires: 'event' };
  return [
    ...block.matchAll(
      /^\s*\*\s*@(csspart|part|cssprop|cssproperty|event|fires|slot)\s+(?:\{[^}]*\}\s+)?(\S+)/gm,
    ),
  ].map(([, kind = '', hook = '']) => `@${tag[/** @type {keyof tag} */ (kind)] ?? kind} ${hook}`);
}

describe('custom-elements.json', () => {
  const elementClasses = [...classes.values()].filter(({ declaration }) => declaration.tagName);

  it('is built from the element files only: the elements and the classes they inherit from', () => {
    const elementFiles = new Set(
      elementClasses.flatMap(({ declaration, path }) => [
        path,
        ...basesOf(declaration).map((base) => /** @type {{ path: string }} */ (classes.get(base.name)).path),
      ]),
    );
    assert.deepEqual(
      modules.map((module) => module.path).filter((path) => !elementFiles.has(path)),
      [],
      'modules that are neither an element nor its base (custom-elements-manifest.config.mjs globs)',
    );
  });

  it('reads the base class of every element, so that the element inherits what its base declares', () => {
    for (const { declaration } of elementClasses) {
      const chain = [declaration, ...basesOf(declaration)];
      const last = /** @type {ClassLike} */ (chain.at(-1));
      assert.equal(last.superclass?.package, 'lit', `${chain.map((item) => item.name).join(' → ')} → lit`);
    }
  });

  it("lists as each class's own exactly the parts, custom properties, events and slots of its JSDoc block", () => {
    for (const [name, { declaration }] of classes) {
      const item = /** @type {Record<string, (Named & { inheritedFrom?: Reference })[] | undefined>} */ (
        /** @type {unknown} */ (declaration)
      );
      const listed = Object.entries({
        cssParts: 'csspart',
        cssProperties: 'cssprop',
        events: 'event',
        slots: 'slot',
      })
        .flatMap(([list, tag]) =>
          (item[list] ?? []).filter((hook) => !hook.inheritedFrom).map((hook) => `@${tag} ${hook.name}`),
        )
        .sort();
      assert.deepEqual(listed, hooksDeclaredBy(name).sort(), `${name}: the manifest's own, then its JSDoc's`);
    }
  });

  for (const [name, { declaration }] of classes) {
    const bases = basesOf(declaration);
    if (bases.length === 0) continue;
    it(`${name} declares no part, custom property, event or slot that its base classes declare`, () => {
      const repeated = hooksDeclaredBy(name).flatMap((hook) =>
        bases
          .filter((base) => hooksDeclaredBy(base.name).includes(hook))
          .map((base) => `${hook} (${base.name})`),
      );
      assert.deepEqual(repeated, [], `${name} repeats what its bases declare; the analyzer inherits it`);
    });
  }
});

describe('the parts the elements render', () => {
  /**
   * The part names an element's templates write (`part="button delete-button"`), in the files of its class
   * and the classes it inherits from: each must be a documented part, or a page styling it by
   * `::part()` relies on a name the contract never promised.
   */
  for (const element of elements) {
    const tag = /** @type {string} */ (element.tagName);
    it(`<${tag}>: every part its templates name is in the manifest`, () => {
      const found = [...classes.values()].find(({ declaration }) => declaration.tagName === tag);
      assert.ok(found, `<${tag}> has a class in the manifest`);
      const files = [found.declaration, ...basesOf(found.declaration)].map(
        (declaration) => /** @type {{ path: string }} */ (classes.get(declaration.name)).path,
      );
      const rendered = new Set(
        files.flatMap((path) =>
          [...readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').matchAll(/\bpart="([^"$]+)"/g)]
            .flatMap((match) => (match[1] ?? '').split(/\s+/))
            .filter(Boolean),
        ),
      );
      assert.ok(rendered.size > 3, `<${tag}>'s templates name parts`);
      const documented = new Set(names(element.cssParts));
      assert.deepEqual(
        [...rendered].filter((part) => !documented.has(part)).sort(),
        [],
        `<${tag}> renders parts that its JSDoc does not declare`,
      );
    });
  }
});
