import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { PasskeyRegisterElement } from '../src/index.js';
import { en } from '../src/i18n/en.js';
import { LANGUAGES, catalogFor } from '../src/i18n/index.js';
import { loadMessages } from '../src/i18n/load-messages.js';
import type { Messages } from '../src/i18n/messages.js';
import { USERS } from '../mock/seed.js';
import { engine } from './support/engine.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

/** Every key path of a catalog, with the kind of value found there. */
function shape(messages: object, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? shape(value, `${prefix}${key}.`)
        : [`${prefix}${key}:${typeof value}`],
    )
    .sort();
}

function texts(messages: Messages): string[] {
  const values: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (typeof value === 'function')
      values.push(String((value as (...a: string[]) => string)('«X»', '«Y»')));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(messages);
  return values;
}

describe('languages', () => {
  beforeEach(() => mockApi.reset());

  it('speaks at least English, German, French, Spanish, Italian, Japanese and Chinese', () => {
    expect(LANGUAGES).to.include.members(['en', 'de', 'fr', 'es', 'it', 'ja', 'zh']);
  });

  for (const language of ['de', 'fr', 'es', 'it', 'ja', 'zh']) {
    it(`${language}: has every message of English, none empty, none left in English`, async () => {
      const catalog = await loadMessages(language);
      expect(catalog).not.to.equal(en);
      expect(shape(catalog)).to.deep.equal(shape(en));
      const translated = texts(catalog);
      expect(translated.every((text) => text.trim().length > 0)).to.equal(true);
      // Functions keep their arguments.
      expect(catalog.passkeySuccess('«X»')).to.contain('«X»');
      expect(catalog.deviceName('«X»', '«Y»')).to.contain('«X»').and.to.contain('«Y»');
      const english = new Set(texts(en));
      const same = translated.filter((text) => english.has(text) && text.length > 12);
      expect(same, 'sentences left in English').to.deep.equal([]);
    });
  }

  it('maps BCP 47 tags to catalogs, and unknown languages to English', () => {
    expect(catalogFor('de-CH')).to.equal('de');
    expect(catalogFor('zh-Hans-CN')).to.equal('zh');
    expect(catalogFor('pt-BR')).to.equal('en');
    expect(catalogFor('')).to.equal('en');
    expect(catalogFor('constructor')).to.equal('en');
  });

  it('takes the language from lang on the element', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register lang="de"></passkey-register>`,
    );
    const harness = new RegistrationHarness(element);
    const de = await loadMessages('de');
    await waitUntil(() => harness.button.textContent?.trim() === de.passkeyButton, 'German button text');
  });

  it('takes the language from an ancestor, and follows a change of lang', async () => {
    const parent = await fixture<HTMLDivElement>(
      html`<div lang="fr-FR"><passkey-register></passkey-register></div>`,
    );
    const element = parent.querySelector('passkey-register')!;
    const harness = new RegistrationHarness(element);
    const fr = await loadMessages('fr');
    await waitUntil(
      () => harness.button.textContent?.trim() === fr.passkeyButton,
      'French from the ancestor',
    );
    element.setAttribute('lang', 'ja');
    const ja = await loadMessages('ja');
    await waitUntil(
      () => harness.button.textContent?.trim() === ja.passkeyButton,
      'Japanese after the change',
    );
  });

  it('reports errors in the element’s language', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register lang="es" user-id=${USERS.alice.id}></passkey-register>`,
    );
    const es = await loadMessages('es');
    await waitUntil(() => new RegistrationHarness(element).statusText === es.passkeyIdle);
    const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
    if (!engine.hasWebAuthn) {
      // WebKitGTK has no WebAuthn: the element says so first, in Spanish too.
      expect(detail.code).to.equal('unsupported');
      expect(detail.message).to.equal(`${es.errors.unsupported} ${es.hints.unsupported}`);
      return;
    }
    expect(detail.code).to.equal('unauthenticated');
    // No token, no backend: the page's sign-in is missing (a landing page would ask for its link instead).
    expect(detail.message).to.equal(`${es.errors.unauthenticated} ${es.hints.unauthenticated}`);
  });

  it('lets strings override any message, in any language', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register lang="it"></passkey-register>`,
    );
    element.strings = { passkeyButton: 'Crea la tua passkey', errors: { cancelled: 'Annullato.' } };
    const harness = new RegistrationHarness(element);
    await waitUntil(() => harness.button.textContent?.trim() === 'Crea la tua passkey');
    const it = await loadMessages('it');
    await waitUntil(() => harness.statusText === it.passkeyIdle, 'the rest in Italian');
  });

  it('speaks English for a language it does not know', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register lang="pt-BR"></passkey-register>`,
    );
    await element.updateComplete;
    expect(new RegistrationHarness(element).button.textContent?.trim()).to.equal(en.passkeyButton);
  });
});
