// @ts-check
/**
 * Minifies what lit's tagged templates carry as text, at build time: the CSS of `css` templates (through
 * lightningcss) and the whitespace of `html` templates. esbuild minifies the code around them but leaves a
 * template's text as written, indentation and comments included (about a fifth of the elements' bytes).
 *
 * What changes, and why the rendering cannot:
 * - `css` without `${}`: lightningcss's minified form of the same rules (no targets given, so it lowers no
 *   syntax and adds no prefixes). A template it cannot parse fails the build rather than ship changed.
 * - `html`: in text, a run of whitespace becomes one space (what `white-space: normal` renders anyway);
 *   inside a tag, between attributes, one space, none before `>`. Quoted attribute values, comments, the
 *   `${}` expressions and any template with `<pre>`, `<textarea>` or `white-space: pre…` in it are kept as
 *   written. Whitespace-only text stays a text node, so the DOM keeps its shape.
 * test/node/minified-templates.test.js renders every element from both builds and compares.
 */
import { readFile } from 'node:fs/promises';
import { transform } from 'lightningcss';
import ts from 'typescript';

/** Templates whose whitespace may be meaningful, left as written. */
const KEEP_WHITESPACE = /<(?:pre|textarea)\b|white-space\s*:\s*pre/i;

/** HTML's whitespace (not JavaScript's `\s`, which takes in the no-break space). */
const HTML_SPACE = /[ \t\n\r\f]/;

/**
 * Collapses the whitespace of an `html` template's static parts. The parts are raw source text between
 * the `${}` expressions; the state (in text, in a tag, in a quoted value, in a comment) carries across them.
 * @param {string[]} parts
 * @returns {string[]}
 */
export function collapseHtml(parts) {
  if (parts.some((part) => KEEP_WHITESPACE.test(part))) return parts;
  /** @type {'text' | 'tag' | 'comment'} */
  let mode = 'text';
  /** @type {string | undefined} the quote of the attribute value being read */
  let quote;
  return parts.map((part) => {
    let out = '';
    for (let i = 0; i < part.length; i++) {
      const char = part.charAt(i);
      if (mode === 'comment') {
        out += char;
        if (char === '>' && out.endsWith('-->')) mode = 'text';
        continue;
      }
      if (quote !== undefined) {
        out += char;
        if (char === quote) quote = undefined;
        continue;
      }
      if (HTML_SPACE.test(char)) {
        let end = i;
        while (end < part.length && HTML_SPACE.test(part.charAt(end))) end++;
        const next = part.charAt(end);
        // Inside a tag nothing is needed before its end; anywhere else one space renders as the run did.
        if (!(mode === 'tag' && next === '>')) out += ' ';
        i = end - 1;
        continue;
      }
      out += char;
      if (mode === 'text' && char === '<') {
        if (part.startsWith('!--', i + 1)) {
          out += '!--';
          i += 3;
          mode = 'comment';
        } else if (/[a-zA-Z/]/.test(part.charAt(i + 1))) mode = 'tag';
      } else if (mode === 'tag') {
        if (char === '>') mode = 'text';
        else if (char === '"' || char === "'") quote = char;
      }
    }
    return out;
  });
}

/**
 * The minified CSS of a `css` template without expressions, escaped back into template-literal text.
 * @param {string} raw @param {string} filename
 */
export function minifyCss(raw, filename) {
  if (raw.includes('\\')) return raw; // escapes would need cooking first; none of the kit's styles has any
  const { code, warnings } = transform({
    filename,
    code: Buffer.from(raw),
    minify: true,
    errorRecovery: false,
  });
  if (warnings.length) throw new Error(`${filename}: ${warnings.map((w) => w.message).join('; ')}`);
  return code.toString().replace(/[`\\]|\$\{/g, (match) => `\\${match}`);
}

/**
 * The source with the text of its `html` and `css` templates minified; other code untouched.
 * @param {string} source @param {string} filename
 */
export function minifyTemplates(source, filename) {
  if (!/\b(?:html|css)`/.test(source)) return source;
  const file = ts.createSourceFile(filename, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ start: number, end: number, text: string }[]} replacements, by source position */
  const edits = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const literals = ts.isNoSubstitutionTemplateLiteral(node.template)
        ? [node.template]
        : [node.template.head, ...node.template.templateSpans.map((span) => span.literal)];
      // The raw text of each static part: after the opening "`" or "}", before "${" or the closing "`".
      const ranges = literals.map((literal) => {
        const start = literal.getStart(file) + 1;
        const end = literal.end - (ts.isTemplateTail(literal) || literals.length === 1 ? 1 : 2);
        return { start, end };
      });
      const raw = ranges.map(({ start, end }) => source.slice(start, end));
      let minified;
      if (tag === 'html') minified = collapseHtml(raw);
      else if (tag === 'css' && raw.length === 1) minified = [minifyCss(raw[0] ?? '', filename)];
      if (minified) {
        minified.forEach((text, index) => {
          const range = ranges[index];
          if (range && text !== raw[index]) edits.push({ ...range, text });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/**
 * The esbuild plugin: the kit's own TypeScript files pass through `minifyTemplates` before esbuild reads
 * them (lit's own sources carry no templates).
 * @returns {import('esbuild').Plugin}
 */
export function minifyTemplatesPlugin() {
  return {
    name: 'minify-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => ({
        contents: minifyTemplates(await readFile(path, 'utf8'), path),
        loader: 'ts',
      }));
    },
  };
}
