/**
 * What every element harness does: finds the element's parts in its shadow root, as a person sees them,
 * so that test bodies and story play functions never reach into the shadow DOM themselves.
 *
 * Shared by the browser tests (`test/**`) and the stories' play functions (`stories/**`): this folder
 * imports nothing of a test runner (no `@web/test-runner-commands`, no `@open-wc/testing`), so Storybook
 * can bundle it.
 */

/** Milliseconds `waitFor` waits by default: long enough for a request to the mock and a re-render. */
const WAIT_MS = 5_000;

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => unknown,
  what: string,
  timeoutMs: number = WAIT_MS,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The next event `type` on `target`. */
export function nextEvent<E extends Event = Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as E), { once: true }),
  );
}

/** Trimmed text of a node, `''` for none. */
export function textOf(node: Node | null | undefined): string {
  return node?.textContent?.trim() ?? '';
}

interface Updating {
  updateComplete?: Promise<unknown>;
}

/** Reads any of the kit's elements through its parts (`[part~=name]`, the stable names its JSDoc lists). */
export class ElementHarness<E extends HTMLElement = HTMLElement> {
  constructor(readonly element: E) {}

  /** The element's shadow root; fails when the element has none (not defined, or not rendered yet). */
  get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error(`<${this.element.localName}> has no shadow root: is it defined?`);
    return root;
  }

  /** Whether the element has rendered into its shadow root yet (it has none before it is defined). */
  get isRendered(): boolean {
    return this.element.shadowRoot !== null;
  }

  /** Waits until the element has rendered its last change. */
  async rendered(): Promise<void> {
    await (this.element as Updating).updateComplete;
  }

  part<T extends Element = HTMLElement>(name: string, within: ParentNode = this.root): T | null {
    return within.querySelector<T>(`[part~="${name}"]`);
  }

  parts<T extends Element = HTMLElement>(name: string, within: ParentNode = this.root): T[] {
    return [...within.querySelectorAll<T>(`[part~="${name}"]`)];
  }

  /** The part `name`; fails, naming it, when the element does not show it. */
  required<T extends Element = HTMLElement>(name: string, within: ParentNode = this.root): T {
    const found = this.part<T>(name, within);
    if (!found) throw new Error(`<${this.element.localName}> shows no ${name} part`);
    return found;
  }

  /** Whether the element shows the part (a boolean: a failed check never prints a whole element). */
  has(name: string, within: ParentNode = this.root): boolean {
    return this.part(name, within) !== null;
  }

  /** The trimmed text of the part `name`, `''` when it is not shown. */
  textOf(name: string, within: ParentNode = this.root): string {
    return textOf(this.part(name, within));
  }

  /** Anything else in the shadow root, by selector (a plain `<button>`, `input[name=…]`). */
  query<T extends Element = HTMLElement>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  queryAll<T extends Element = HTMLElement>(selector: string): T[] {
    return [...this.root.querySelectorAll<T>(selector)];
  }

  /** Every part name the element renders now, in document order. */
  get partNames(): string[] {
    return this.queryAll('[part]').flatMap((node) => node.getAttribute('part')!.split(' '));
  }

  /** All the text the element shows. */
  get text(): string {
    return this.root.textContent ?? '';
  }

  /** The rendered markup, for checks that something (a token, a payload) never appears in it. */
  get markup(): string {
    return this.root.innerHTML;
  }

  /** What has the focus inside the element, if anything. */
  get focused(): HTMLElement | null {
    return this.root.activeElement as HTMLElement | null;
  }

  /** The `part` of what has the focus inside the element (`''` for none). */
  get focusedPart(): string {
    return this.focused?.getAttribute('part') ?? '';
  }

  /** The CSS rules of the element's adopted style sheets, as text. */
  get cssRules(): string[] {
    return this.root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  }

  get statusText(): string {
    return this.textOf('status');
  }

  get messageText(): string {
    return this.textOf('message');
  }

  /** The note an element shows before any click (what this device can and cannot do). */
  get noteText(): string {
    return this.textOf('note');
  }

  /** Waits until the element shows the part `name`. */
  async waitForPart(name: string, what = `the ${name} part`): Promise<HTMLElement> {
    await waitFor(() => this.isRendered && this.has(name), what);
    return this.required<HTMLElement>(name);
  }

  /**
   * Waits for whichever of `outcomes` comes first after `act`; fails, with the event's detail, when it is
   * not `expected`.
   */
  protected async outcome<K extends keyof HTMLElementEventMap>(
    act: () => void,
    expected: K,
    outcomes: readonly (keyof HTMLElementEventMap)[],
  ): Promise<HTMLElementEventMap[K]> {
    const events = outcomes.map((type) => nextEvent<CustomEvent<unknown>>(this.element, type));
    act();
    const event = await Promise.race(events);
    if (event.type !== expected) {
      throw new Error(`expected ${expected} but got ${event.type}: ${JSON.stringify(event.detail)}`);
    }
    await this.rendered();
    return event as unknown as HTMLElementEventMap[K];
  }
}
