import { expect } from '@open-wc/testing';
import {
  readRegistrationLink,
  removeCodeFromAddressBar,
  withoutRegistrationCode,
} from '../../src/internal/registration/link-parameters.js';

const read = (href: string) => readRegistrationLink(new URL(href));
const scrub = (href: string) => withoutRegistrationCode(new URL(href))?.href;

describe('registration links', () => {
  describe('reading', () => {
    it("reads Login v1's names (userID, orgID, codeID, code)", () => {
      expect(
        read('https://app.example.com/register?userID=1&orgID=2&codeID=3&code=AB%2BC&other=x'),
      ).to.deep.equal({ userId: '1', orgId: '2', codeId: '3', code: 'AB+C' });
    });

    it("reads Login v2's names (userId, organization, id, code) and leaves requestId and loginName alone", () => {
      expect(
        read(
          'https://login.example.com/passkey/set?userId=1&organization=2&id=3&code=XY&requestId=R&loginName=a',
        ),
      ).to.deep.equal({ userId: '1', orgId: '2', codeId: '3', code: 'XY' });
    });

    it("reads ZITADEL's default Login v2 link (codeId, code, userId, organization; v4.12 and later)", () => {
      expect(
        read('https://id.example.com/ui/v2/login/passkey/set?codeId=3&code=XY&userId=1&organization=2'),
      ).to.deep.equal({ userId: '1', orgId: '2', codeId: '3', code: 'XY' });
    });

    it('reads either scheme from the fragment', () => {
      expect(read('https://a.example/#userId=1&id=3&code=XY')).to.deep.equal({
        userId: '1',
        codeId: '3',
        code: 'XY',
      });
      expect(read('https://a.example/#userID=1&codeID=3&code=XY')).to.deep.equal({
        userId: '1',
        codeId: '3',
        code: 'XY',
      });
    });

    it('prefers the query to the fragment where both have a value', () => {
      expect(read('https://a.example/?userID=1&codeID=3&code=Q#userId=9&id=8&code=F')).to.deep.equal({
        userId: '1',
        codeId: '3',
        code: 'Q',
      });
    });

    it('takes a bare id for the code id only beside a code', () => {
      expect(read('https://a.example/?id=42&userId=1')).to.deep.equal({ userId: '1' });
      expect(read('https://a.example/?id=42&codeID=3&code=X')).to.deep.equal({ codeId: '3', code: 'X' });
    });

    it('ignores missing and empty parameters', () => {
      expect(read('https://a.example/?userID=&code=x')).to.deep.equal({ code: 'x' });
      expect(read('https://a.example/#top')).to.deep.equal({});
    });
  });

  describe('scrubbing', () => {
    it('removes the code and code id from the query, every other parameter kept as written', () => {
      expect(scrub('https://a.example/p?userID=1&codeID=3&code=s&q=a%20b+c&flag#top')).to.equal(
        'https://a.example/p?userID=1&q=a%20b+c&flag#top',
      );
      expect(scrub('https://a.example/p?userId=1&id=3&code=s&requestId=R&loginName=a%40b')).to.equal(
        'https://a.example/p?userId=1&requestId=R&loginName=a%40b',
      );
    });

    it('removes them from the fragment, keeping the rest of the fragment', () => {
      expect(scrub('https://a.example/p?x=1#userId=1&id=3&code=s&step=2')).to.equal(
        'https://a.example/p?x=1#userId=1&step=2',
      );
      expect(scrub('https://a.example/p#code=s&id=3')).to.equal('https://a.example/p');
    });

    it('keeps a page’s own id where the code id came as codeID or codeId', () => {
      expect(scrub('https://a.example/?id=42&codeID=3&code=s')).to.equal('https://a.example/?id=42');
      expect(scrub('https://a.example/?id=42&codeId=3&code=s&userId=1')).to.equal(
        'https://a.example/?id=42&userId=1',
      );
    });

    it('changes nothing without a code', () => {
      expect(scrub('https://a.example/?id=42&userId=1#top')).to.equal(undefined);
    });

    it('rewrites the address bar without a new history entry', () => {
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
});
