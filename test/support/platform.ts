import { expect } from '@open-wc/testing';
import { registration } from '../../src/i18n/en/registration.js';
import { engine } from './engine.js';
import type { RegistrationHarness } from './harness/index.js';

/**
 * The outcome of `authenticator="platform"` (WebAuthn `authenticatorAttachment: "platform"`) when it cannot
 * succeed in this engine: Firefox on Linux has no platform passkey provider and refuses at once with
 * `NotAllowedError`, even with a virtual `internal` authenticator added; the kit says `unsupported`, with
 * the sentence for that refusal, and offers no retry (the same browser gives the same answer).
 */
export async function expectPlatformRefused(harness: RegistrationHarness): Promise<void> {
  const { detail } = await harness.clickAndWait('registration-error');
  expect(detail.code).to.equal('unsupported');
  expect(detail.message).to.equal(registration.platformRefused);
  expect(harness.messageText).to.equal(registration.platformRefused);
  expect(harness.hasButton, 'no retry: the same browser refuses again').to.equal(false);
}

/**
 * Clicks a registration that asks for a platform authenticator: resolves with the success detail where the
 * engine has one (Chromium's virtual `internal` authenticator is one), or `undefined` after checking the
 * refusal where it has none (Firefox on Linux; see `engine.hasPlatformAuthenticator`).
 */
export async function clickPlatformRegistration(
  harness: RegistrationHarness,
): Promise<HTMLElementEventMap['registration-success']['detail'] | undefined> {
  if (!engine.hasPlatformAuthenticator) {
    await expectPlatformRefused(harness);
    return undefined;
  }
  return (await harness.clickAndWait('registration-success')).detail;
}
