/** Helpers of the demo pages. Everything from the server or an event is rendered as text. */

const EVENTS = [
  'registration-start',
  'registration-success',
  'registration-error',
  'link-created',
  'link-error',
  'authenticator-removed',
];

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

/**
 * The demo's pretend sign-in: cookies the demo's proxies read (vite.config.ts). A real app has its own
 * session; the point is that the browser holds no ZITADEL token in these modes.
 */
export function setDemoCookie(name: 'demo-user' | 'demo-role', value: string | undefined): void {
  document.cookie =
    value === undefined
      ? `${name}=; path=/; max-age=0; samesite=strict`
      : `${name}=${encodeURIComponent(value)}; path=/; samesite=strict`;
}

/** The verify rpcs of every API generation: what the fault switch breaks. */
const VERIFY_RPCS = ['VerifyPasskeyRegistration', 'VerifyU2FRegistration', 'VerifyWebAuthNRegistration'];

function item(text: string): HTMLLIElement {
  const entry = document.createElement('li');
  entry.textContent = text;
  return entry;
}

/**
 * The collapsible developer panel at the foot of a page (`<details class="devtools">`): the kit's events,
 * the requests the mock received (no tokens: it logs whose token it was) and what the mock stored.
 */
export function mountDevtools(
  panel: HTMLElement,
  pickState: (state: Record<string, unknown>) => unknown = (state) => state.users,
): { refresh: () => Promise<void> } {
  const heading = (text: string) => {
    const h3 = document.createElement('h3');
    h3.textContent = text;
    return h3;
  };
  const events = document.createElement('ol');
  const requests = document.createElement('ol');
  const state = document.createElement('pre');
  for (const log of [events, requests, state]) log.className = 'log';

  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'button';
  reset.textContent = 'Reset the mock';
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'button';
  clear.textContent = 'Clear events';
  // The fault switch: the next verify is refused (400) before the mock stores anything, so the new
  // credential is an orphan the element must have the passkey provider forget (issue 19). (A 503 would
  // not do: the element sends a verify whose outcome is unknown once more, and the second stores it.)
  const dropVerify = document.createElement('input');
  dropVerify.type = 'checkbox';
  dropVerify.id = 'refuse-next-verify';
  const dropLabel = document.createElement('label');
  dropLabel.className = 'devtools-switch';
  dropLabel.append(dropVerify, ' Refuse the next verify (400)');
  const actions = document.createElement('div');
  actions.className = 'devtools-actions';
  actions.append(reset, clear, dropLabel);

  const summary = document.createElement('summary');
  summary.textContent = 'Developer panel: events, requests, mock state';
  const body = document.createElement('div');
  body.className = 'devtools-body';
  const column = (...children: Node[]) => {
    const div = document.createElement('div');
    div.append(...children);
    return div;
  };
  body.append(
    column(heading('Events'), actions, events),
    column(heading('Requests the mock ZITADEL received'), requests),
    column(heading('What the mock stored'), state),
  );
  panel.replaceChildren(summary, body);

  async function refresh(): Promise<void> {
    const [log, snapshot] = await Promise.all([
      mockControl<{ method: string; path: string; rpc: string | null; tokenOwner: string | null }[]>(
        'GET',
        'requests',
      ),
      mockControl<Record<string, unknown>>('GET', 'state'),
    ]);
    requests.replaceChildren(
      ...log
        .slice()
        .reverse()
        .map((entry) =>
          item(
            `${entry.method} ${entry.path}\n${entry.rpc ?? 'no rpc'} · token: ${entry.tokenOwner ?? 'none'}`,
          ),
        ),
    );
    state.textContent = JSON.stringify(pickState(snapshot), null, 2);
    // One verify took its fault: the others go too, and the switch is off again.
    if (dropVerify.checked) {
      const faults = await mockControl<{ rpc: string }[]>('GET', 'faults');
      if (!VERIFY_RPCS.every((rpc) => faults.some((fault) => fault.rpc === rpc))) {
        await mockControl('DELETE', 'faults');
        dropVerify.checked = false;
      }
    }
  }

  for (const type of EVENTS) {
    document.addEventListener(type, (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      events.prepend(item(`${new Date().toLocaleTimeString()} ${type}\n${JSON.stringify(detail, null, 2)}`));
      void refresh();
    });
  }
  clear.addEventListener('click', () => events.replaceChildren());
  dropVerify.addEventListener('change', async () => {
    await mockControl('DELETE', 'faults');
    if (!dropVerify.checked) return;
    for (const rpc of VERIFY_RPCS) await mockControl('POST', 'faults', { rpc, status: 400 });
  });
  reset.addEventListener('click', async () => {
    await mockControl('POST', 'reset');
    await refresh();
    document.dispatchEvent(new Event('demo-reset'));
  });
  void refresh();
  return { refresh };
}
