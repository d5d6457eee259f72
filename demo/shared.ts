/** Helpers of the demo pages: an event log that renders everything as text. */

export function logEvents(target: EventTarget, list: HTMLElement): void {
  for (const type of ['registration-start', 'registration-success', 'registration-error']) {
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
