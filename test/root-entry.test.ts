/**
 * The root entry (`import 'passkey-elements'`, what a bundler user writes) defines the elements as the script
 * tag does: the two registration elements at once, the link admin and the list when their tag first appears.
 * This file must not import any element entry itself: each test file runs in a page of its own.
 */
import { expect } from '@open-wc/testing';
import * as root from '../src/index.js';

describe('the root entry', () => {
  it('defines <passkey-register> and <u2f-register> on import, and exports their classes and discover', () => {
    expect(customElements.get('passkey-register')).to.equal(root.PasskeyRegisterElement);
    expect(customElements.get('u2f-register')).to.equal(root.U2fRegisterElement);
    expect(typeof root.discover).to.equal('function');
  });

  it('defines <authenticator-list> and <registration-link-admin> once such a tag appears in the document', async () => {
    expect(customElements.get('authenticator-list') === undefined, 'no list before its tag').to.equal(true);
    expect(customElements.get('registration-link-admin') === undefined).to.equal(true);
    const holder = document.createElement('section');
    holder.innerHTML = '<div><authenticator-list></authenticator-list></div>';
    document.body.append(holder);
    try {
      await customElements.whenDefined('authenticator-list');
      expect(holder.querySelector('authenticator-list')!.shadowRoot !== null, 'upgraded').to.equal(true);
      expect(customElements.get('registration-link-admin') === undefined, 'only what appeared').to.equal(
        true,
      );
      await root.discover(
        Object.assign(document.createElement('div'), {
          innerHTML: '<registration-link-admin></registration-link-admin>',
        }),
      );
      expect(customElements.get('registration-link-admin') !== undefined, 'discover() defines it').to.equal(
        true,
      );
    } finally {
      holder.remove();
    }
  });
});
