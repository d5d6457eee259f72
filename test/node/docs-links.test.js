// @ts-check
/// <reference types="node" />
/**
 * Every link in the repository's Markdown points inside the repository: a file that exists, or a heading of
 * the page it names (GitHub's anchors). A reader of a clone, offline or on a mirror, follows every one; a
 * link out (`[ZITADEL](https://…)`, `<https://…>`) fails, so a page names what it means in words instead.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

/** The page without its code: fenced blocks and inline code spans hold no links. */
function prose(/** @type {string} */ text) {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(/** @type {string} */ heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(/** @type {string} */ page) {
  const text = readFileSync(join(ROOT, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1] ?? '')));
}

/**
 * The targets of a page's links: inline `[text](target)`, reference definitions, autolinks `<…>` and the bare
 * URLs GitHub links by itself (`https://…`, `www.…`), outside code.
 */
function linkTargets(/** @type {string} */ text) {
  const body = prose(text);
  const inline = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
  return [
    ...[...body.matchAll(inline)].map((match) => match[1] ?? ''),
    ...[...body.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((match) => match[1] ?? ''),
    ...[...body.replace(inline, '').matchAll(/(?:\b(?:https?|ftp|mailto):|\bwww\.)[^\s<>)]+/g)].map(
      (match) => match[0],
    ),
  ];
}

describe('Markdown links', () => {
  it('finds the pages, and the links of a page in every form', () => {
    assert.ok(PAGES.includes('README.md') && PAGES.includes('docs/API.md'));
    const page = '[a](b.md) [c](#d "t") <https://e.example/> see www.f.example\n[g]: h.md\n`[i](j) http://k`';
    assert.deepEqual(linkTargets(page), ['b.md', '#d', 'h.md', 'https://e.example/', 'www.f.example']);
  });

  for (const page of PAGES) {
    it(`${page}: every link points inside the repository`, () => {
      const problems = [];
      for (const target of linkTargets(readFileSync(join(ROOT, page), 'utf8'))) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) {
          problems.push(`${target}: outside the repository`);
          continue;
        }
        const [path = '', anchor] = target.split('#');
        const file = path ? join(dirname(join(ROOT, page)), decodeURIComponent(path)) : join(ROOT, page);
        if (!existsSync(file)) {
          problems.push(`${target}: no such file`);
          continue;
        }
        if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(relative(ROOT, file)).has(anchor)) {
          problems.push(`${target}: no such heading`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
