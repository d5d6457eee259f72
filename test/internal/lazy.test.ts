import { expect } from '@open-wc/testing';
import { RegistrationError } from '../../src/core/errors.js';
import { lazyModule } from '../../src/internal/shared/lazy-modules.js';

describe('lazyModule', () => {
  it('loads once, then has the module at hand synchronously', async () => {
    let imports = 0;
    const module = lazyModule('test module', () => Promise.resolve({ value: ++imports }));
    expect(module.loaded).to.equal(undefined);
    const [first, second] = await Promise.all([module.load(), module.load()]);
    expect(first).to.equal(second);
    expect(module.loaded).to.equal(first);
    expect(imports).to.equal(1);
  });

  it('turns a failed load into a network error, and tries again next time', async () => {
    let attempts = 0;
    const module = lazyModule('test module', () =>
      ++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ ok: true }),
    );
    const error = await module.load().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(RegistrationError);
    expect((error as RegistrationError).code).to.equal('network');
    expect((error as RegistrationError).message).to.equal('The test module could not be loaded');
    expect(module.loaded).to.equal(undefined);
    expect(await module.load()).to.deep.equal({ ok: true });
    expect(attempts).to.equal(2);
  });
});
