/**
 * Defines a custom element once. A second copy of the kit on the same page (two bundles, two versions)
 * must not throw, and importing the kit where there is no DOM (Node, server rendering) must not either.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, element);
}
