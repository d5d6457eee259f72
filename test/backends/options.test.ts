import { expect } from '@open-wc/testing';
import { normalizeCreationOptions, toBase64Url } from '../../src/backends/options.js';
import { RegistrationError } from '../../src/core/errors.js';

const publicKey = () => ({
  attestation: 'none',
  authenticatorSelection: { userVerification: 'required', residentKey: 'required' },
  challenge: 'q83vEjRWeJA',
  excludeCredentials: [{ id: 'AAEC', type: 'public-key', transports: ['internal'] }],
  pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
  rp: { id: 'localhost', name: 'ZITADEL' },
  timeout: 300000,
  user: { displayName: 'Alice Example', id: 'MTAw', name: 'alice@example.com' },
});

function badResponse(raw: unknown): RegistrationError {
  try {
    normalizeCreationOptions(raw);
  } catch (error) {
    expect(error).to.be.instanceOf(RegistrationError);
    expect((error as RegistrationError).code).to.equal('bad-response');
    return error as RegistrationError;
  }
  throw new Error(`expected bad-response for ${JSON.stringify(raw)}`);
}

describe('toBase64Url', () => {
  it('keeps base64url, and converts padded and standard base64', () => {
    expect(toBase64Url('q83vEjRWeJA')).to.equal('q83vEjRWeJA');
    expect(toBase64Url('q83v+/8=')).to.equal('q83v-_8');
    expect(toBase64Url('q83v-_8=')).to.equal('q83v-_8');
  });

  it('refuses what cannot be base64', () => {
    // Padding alone ('=', '==') holds no byte: it is no binary data either (found by test/fuzz/pure-parts).
    for (const value of ['', '=', '==', 'a', 'ab!c', 'ab=c', 'ab+_', 42, null, undefined, {}]) {
      expect(toBase64Url(value), String(value)).to.equal(undefined);
    }
  });
});

describe('normalizeCreationOptions', () => {
  it("unwraps ZITADEL's publicKey wrapper", () => {
    const options = normalizeCreationOptions({ publicKey: publicKey() });
    expect(options.challenge).to.equal('q83vEjRWeJA');
    expect(options.rp).to.deep.equal({ id: 'localhost', name: 'ZITADEL' });
    expect(options.user).to.deep.equal({
      id: 'MTAw',
      name: 'alice@example.com',
      displayName: 'Alice Example',
    });
    expect(options.excludeCredentials).to.deep.equal([
      { id: 'AAEC', type: 'public-key', transports: ['internal'] },
    ]);
    expect(options.pubKeyCredParams).to.deep.equal([{ alg: -7, type: 'public-key' }]);
    expect(options.authenticatorSelection).to.deep.equal({
      userVerification: 'required',
      residentKey: 'required',
    });
    expect(options.timeout).to.equal(300000);
    expect(options.attestation).to.equal('none');
  });

  it('accepts options without the wrapper, and as a JSON string', () => {
    expect(normalizeCreationOptions(publicKey()).challenge).to.equal('q83vEjRWeJA');
    expect(normalizeCreationOptions(JSON.stringify({ publicKey: publicKey() })).user.name).to.equal(
      'alice@example.com',
    );
  });

  it('converts padded base64 in binary fields to base64url', () => {
    const options = normalizeCreationOptions({
      publicKey: { ...publicKey(), challenge: 'q83v+/8=', user: { ...publicKey().user, id: 'MTAw+A==' } },
    });
    expect(options.challenge).to.equal('q83v-_8');
    expect(options.user.id).to.equal('MTAw-A');
  });

  it('uses the user name when the display name is missing', () => {
    const { displayName: _, ...user } = publicKey().user;
    expect(normalizeCreationOptions({ ...publicKey(), user }).user.displayName).to.equal('alice@example.com');
  });

  it('drops fields WebAuthn does not know', () => {
    const options = normalizeCreationOptions({ publicKey: { ...publicKey(), extra: '<script>' } });
    expect(Object.keys(options)).not.to.include('extra');
  });

  const broken: [string, unknown][] = [
    ['nothing', undefined],
    ['a number', 7],
    ['a string that is not JSON', '{publicKey'],
    ['no challenge', { publicKey: { ...publicKey(), challenge: undefined } }],
    ['a challenge that is not base64url', { publicKey: { ...publicKey(), challenge: 'not base64!' } }],
    ['a challenge that is a number', { publicKey: { ...publicKey(), challenge: 12 } }],
    ['no rp', { publicKey: { ...publicKey(), rp: undefined } }],
    ['no user', { publicKey: { ...publicKey(), user: undefined } }],
    ['a user without id', { publicKey: { ...publicKey(), user: { name: 'a', displayName: 'a' } } }],
    ['a user without name', { publicKey: { ...publicKey(), user: { id: 'MTAw', displayName: 'a' } } }],
    ['a doubled publicKey wrapper', { publicKey: { publicKey: publicKey() } }],
    ['pubKeyCredParams that is not a list', { publicKey: { ...publicKey(), pubKeyCredParams: 'ES256' } }],
    ['an alg that is not a number', { publicKey: { ...publicKey(), pubKeyCredParams: [{ alg: 'ES256' }] } }],
    [
      'excludeCredentials with a bad id',
      { publicKey: { ...publicKey(), excludeCredentials: [{ id: '%%' }] } },
    ],
    ['a negative timeout', { publicKey: { ...publicKey(), timeout: -1 } }],
    ['an rp name that is not a string', { publicKey: { ...publicKey(), rp: { name: 5 } } }],
  ];
  for (const [label, raw] of broken) {
    it(`reports bad-response for ${label}`, () => {
      badResponse(raw);
    });
  }
});
