import { expect } from '@open-wc/testing';
import { readRegistrationLink, removeCodeFromAddressBar } from '../../src/internal/registration-link.js';

describe('registration links', () => {
  it("reads ZITADEL's parameter names", () => {
    const url = new URL('https://app.example.com/register?userID=1&orgID=2&codeID=3&code=AB%2BC&other=x');
    expect(readRegistrationLink(url)).to.deep.equal({ userId: '1', orgId: '2', codeId: '3', code: 'AB+C' });
  });

  it('ignores missing and empty parameters', () => {
    expect(readRegistrationLink(new URL('https://a.example/?userID=&code=x'))).to.deep.equal({ code: 'x' });
  });

  it('removes code and codeID from the address bar without a new history entry', () => {
    const before = location.href;
    const length = history.length;
    history.replaceState(null, '', `${location.pathname}?userID=1&codeID=3&code=secret#top`);
    try {
      removeCodeFromAddressBar(location, history);
      expect(location.search).to.equal('?userID=1');
      expect(location.hash).to.equal('#top');
      expect(history.length).to.equal(length);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
