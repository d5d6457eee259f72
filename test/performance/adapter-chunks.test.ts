import { expect } from '@open-wc/testing';
import type { ApiGeneration } from '../../src/backends/types.js';
import { isRegistrationError } from '../../src/core/errors.js';
import { zitadelAdapter } from '../../src/internal/shared/lazy-modules.js';

describe('zitadelAdapter: one lazy module per API generation', () => {
  for (const [api, label] of [
    ['v2', 'ZITADEL v2'],
    ['v3alpha', 'ZITADEL v3alpha'],
    ['v1', 'ZITADEL management v1'],
  ] as const) {
    it(`loads the ${api} adapter alone, then has it at hand`, async () => {
      const adapter = zitadelAdapter(api);
      const createBackend = await adapter.load();
      expect(createBackend({ baseUrl: 'https://zitadel.example' }).label).to.equal(label);
      expect(adapter.loaded).to.equal(createBackend);
      expect(zitadelAdapter(api), 'the same module each time').to.equal(adapter);
    });
  }

  it('fails to load an unknown generation as invalid-input, naming it', async () => {
    const adapter = zitadelAdapter('v4' as ApiGeneration);
    const error: unknown = await adapter.load().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isRegistrationError(error) && error.code).to.equal('invalid-input');
    expect((error as Error).message).to.include('"v4"');
    expect(adapter.loaded).to.equal(undefined);
  });

  it('does not take an inherited property for a generation', async () => {
    const error: unknown = await zitadelAdapter('toString' as ApiGeneration)
      .load()
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(isRegistrationError(error) && error.code).to.equal('invalid-input');
  });
});
