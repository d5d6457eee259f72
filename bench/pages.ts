/**
 * The pages the benchmark drives. Each reports to `window.bench` with `performance.now()` stamps:
 * `clickAt` (the click reached the page), `promptAt` (navigator.credentials.create was called),
 * `doneAt` (the registration was verified).
 */
import '../src/index.js';
import type { PasskeyRegisterElement } from '../src/index.js';
import { ALICE, registerByHand } from './by-hand.js';

interface BenchState {
  clickAt?: number;
  promptAt?: number;
  doneAt?: number;
  error?: string;
  ready?: boolean;
}
declare global {
  interface Window {
    bench: BenchState;
  }
}

window.bench = {};

const realCreate = navigator.credentials.create.bind(navigator.credentials);
navigator.credentials.create = (options?: CredentialCreationOptions) => {
  window.bench.promptAt ??= performance.now();
  return realCreate(options);
};
document.addEventListener('click', () => (window.bench.clickAt ??= performance.now()), { capture: true });

const mode = new URLSearchParams(location.search).get('mode');

if (mode === 'baseline') {
  // What a developer writes by hand: fetch the options, start the ceremony, send the credential back.
  const button = document.createElement('button');
  button.textContent = 'Create a passkey';
  button.id = 'register';
  document.body.append(button);
  window.bench.ready = true;
  button.addEventListener('click', async () => {
    try {
      const verified = await registerByHand('Baseline');
      if (!verified.ok) throw new Error(`verify answered ${verified.status}`);
      window.bench.doneAt = performance.now();
    } catch (error) {
      window.bench.error = String(error);
    }
  });
} else if (mode === 'element' || mode === 'prefetch') {
  const element = document.createElement('passkey-register') as PasskeyRegisterElement;
  element.id = 'register';
  element.userId = ALICE.id;
  element.token = ALICE.token;
  element.prefetch = mode === 'prefetch';
  element.addEventListener('registration-success', () => (window.bench.doneAt = performance.now()));
  element.addEventListener('registration-error', (event) => (window.bench.error = event.detail.code));
  document.body.append(element);
  void element.updateComplete.then(() => (window.bench.ready = true));
} else if (mode === 'render') {
  // Cost of the first render of 100 elements, against 100 plain buttons.
  void (async () => {
    const plainStart = performance.now();
    const plain = document.createElement('div');
    for (let i = 0; i < 100; i += 1) {
      const button = document.createElement('button');
      button.textContent = 'Create a passkey';
      plain.append(button);
    }
    document.body.append(plain);
    plain.getBoundingClientRect();
    const plainMs = performance.now() - plainStart;

    const start = performance.now();
    const host = document.createElement('div');
    const elements = Array.from({ length: 100 }, () => document.createElement('passkey-register'));
    host.append(...elements);
    document.body.append(host);
    await Promise.all(elements.map((element) => element.updateComplete));
    host.getBoundingClientRect();
    const elementsMs = performance.now() - start;
    Object.assign(window.bench, { plainMs, elementsMs, ready: true });
  })();
}
