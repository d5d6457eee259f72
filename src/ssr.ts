/**
 * `passkey-elements/ssr`: renders the kit's elements on a server (Node, or any runtime `@lit-labs/ssr` runs
 * in) into declarative shadow DOM, so the first paint already shows the button. The browser then hydrates
 * them: load `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the elements' code.
 *
 * `@lit-labs/ssr` is an optional peer dependency: only this entry needs it, never the browser bundle.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import './passkey-register.js';
import './u2f-register.js';
import './registration-link-admin.js';
import './authenticator-list.js';

/** The tags this entry renders. */
export const SSR_TAGS = [
  'passkey-register',
  'u2f-register',
  'registration-link-admin',
  'authenticator-list',
] as const;
export type SsrTag = (typeof SSR_TAGS)[number];

/** Attribute values as markup: strings are escaped, `true` is a bare boolean attribute, `false` leaves it out. */
export type SsrAttributes = Readonly<Record<string, string | boolean | undefined>>;

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
/** A CSP nonce: base64 or base64url characters, as a `'nonce-…'` source takes them. */
const NONCE = /^[A-Za-z0-9+/_-]+=*$/;

export interface RenderOptions {
  /**
   * The page's CSP nonce (`style-src 'nonce-…'`), set on each `<style>` of the declarative shadow DOM: under a
   * `style-src` without `'unsafe-inline'` the server-rendered element is styled from the first paint. (Once it
   * hydrates, Lit adopts constructable stylesheets, which `style-src 'self'` allows anyway.)
   */
  nonce?: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The element's HTML with its shadow root as `<template shadowrootmode="open">`, in its initial state (`idle`,
 * or the list's first "Loading…"). Only attributes: a `token` or `backend` is a property and is set in the
 * browser. What depends on the browser (the capability note, the link read from the address bar, the
 * list's rows) appears when the element hydrates.
 */
export async function renderElement(
  tag: SsrTag,
  attributes: SsrAttributes = {},
  { nonce }: RenderOptions = {},
): Promise<string> {
  if (!(SSR_TAGS as readonly string[]).includes(tag))
    throw new TypeError(`renderElement: unknown tag "${tag}"`);
  if (nonce !== undefined && !NONCE.test(nonce))
    throw new TypeError('renderElement: the nonce is not base64');
  const markup = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => {
      if (!ATTRIBUTE_NAME.test(name))
        throw new TypeError(`renderElement: "${name}" is not an attribute name`);
      return value === true ? name : `${name}="${escapeAttribute(String(value))}"`;
    })
    .join(' ');
  const name = unsafeStatic(tag);
  const open = unsafeStatic(markup ? `${tag} ${markup}` : tag);
  // A static tag (lit/static-html), checked against SSR_TAGS above: the rule is for dynamic bindings.
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
  const rendered = await collectResult(render(html`<${open}></${name}>`));
  // The only <style> tags are the shadow roots' own (attribute values are escaped above, text by Lit).
  return nonce === undefined ? rendered : rendered.replaceAll('<style>', `<style nonce="${nonce}">`);
}
