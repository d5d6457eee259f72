/** Helpers of the demo pages. Everything from the server or an event is rendered as text. */

const EVENTS = [
  'registration-start',
  'registration-success',
  'registration-error',
  'link-created',
  'link-error',
];

export function logEvents(target: EventTarget, list: HTMLElement): void {
  for (const type of EVENTS) {
    target.addEventListener(type, (event) => {
      const item = document.createElement('li');
      const detail = (event as CustomEvent<unknown>).detail;
      item.textContent = `${new Date().toLocaleTimeString()} ${type}\n${JSON.stringify(detail, null, 2)}`;
      list.prepend(item);
    });
  }
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** The mock's control API (see mock/README.md). */
export async function mockControl<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
}

export async function showMockState(
  view: HTMLElement,
  pick: (state: Record<string, unknown>) => unknown = (s) => s,
) {
  const state = await mockControl<Record<string, unknown>>('GET', 'state');
  view.textContent = JSON.stringify(pick(state), null, 2);
}
