/** The parameters of a registration link, in the kit's names. */
interface RegistrationLinkParams {
  userId?: string;
  orgId?: string;
  codeId?: string;
  code?: string;
}

/**
 * ZITADEL's link schemes: Login v1 (`/ui/login/login/passwordless/init?userID=…&orgID=…&codeID=…&code=…`)
 * and Login v2 (`/ui/v2/login/passkey/set?codeId=…&code=…&userId=…&organization=…`, ZITADEL's default link
 * since v4.12; before v4.7 Login v2 called the code id `id`). Each name is tried in this order. Login v2's old
 * `id` is the code id only beside a `code`: alone it is too common a name to claim.
 */
const NAMES = {
  userId: ['userID', 'userId'],
  orgId: ['orgID', 'organization'],
  codeId: ['codeID', 'codeId'],
  code: ['code'],
} as const;
const V2_CODE_ID = 'id';

/** The `key=value` pairs of a query or a fragment (without `?` / `#`), each as written. */
function pairs(text: string): { raw: string; key: string; value: string }[] {
  if (!text) return [];
  return text.split('&').map((raw) => {
    const at = raw.indexOf('=');
    const [key, value] = at < 0 ? [raw, ''] : [raw.slice(0, at), raw.slice(at + 1)];
    return { raw, key: decode(key), value: decode(value) };
  });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The link's parameters in one part of the URL, and the names they were read from. */
function readPart(text: string): { params: RegistrationLinkParams; codeNames: Set<string> } {
  const found = new Map<string, string>();
  for (const { key, value } of pairs(text)) if (!found.has(key)) found.set(key, value);
  const params: RegistrationLinkParams = {};
  const codeNames = new Set<string>();
  for (const [field, names] of Object.entries(NAMES) as [keyof RegistrationLinkParams, readonly string[]][]) {
    const name = names.find((candidate) => found.get(candidate));
    if (name) params[field] = found.get(name);
  }
  if (!params.codeId && params.code && found.get(V2_CODE_ID)) params.codeId = found.get(V2_CODE_ID);
  // What must leave the address bar: the code and its id, under whichever names they came.
  for (const name of [...NAMES.code, ...NAMES.codeId]) if (found.has(name)) codeNames.add(name);
  if (found.has('code') && !NAMES.codeId.some((name) => found.has(name)) && found.has(V2_CODE_ID)) {
    codeNames.add(V2_CODE_ID);
  }
  return { params, codeNames };
}

/**
 * Reads a registration link in either scheme, from the query or from the fragment
 * (`#userId=…&id=…&code=…`); the query wins where both have a value. Other parameters (`requestId`,
 * `loginName`, the page's own) are left alone.
 */
export function readRegistrationLink(url: URL): RegistrationLinkParams {
  const fromFragment = readPart(url.hash.slice(1)).params;
  const fromQuery = readPart(url.search.slice(1)).params;
  return { ...fromFragment, ...fromQuery };
}

function withoutNames(text: string, names: Set<string>): string {
  return pairs(text)
    .filter(({ key }) => !names.has(key))
    .map(({ raw }) => raw)
    .join('&');
}

/**
 * The URL without the link's code and code id, in the query and in the fragment; every other parameter
 * and the rest of the fragment stay as written. `undefined` when there is nothing to take out.
 */
export function withoutRegistrationCode(url: URL): URL | undefined {
  const query = readPart(url.search.slice(1)).codeNames;
  const fragment = readPart(url.hash.slice(1)).codeNames;
  if (query.size === 0 && fragment.size === 0) return undefined;
  const scrubbed = new URL(url.href);
  const search = withoutNames(url.search.slice(1), query);
  const hash = withoutNames(url.hash.slice(1), fragment);
  scrubbed.search = search ? `?${search}` : '';
  scrubbed.hash = hash ? `#${hash}` : '';
  return scrubbed;
}

/**
 * Takes the one-time code out of the address bar and out of the current history entry, so it is not
 * shared, bookmarked or sent as a referrer. `replaceState` rewrites the entry instead of adding one.
 */
export function removeCodeFromAddressBar(location: Location, history: History): void {
  const scrubbed = withoutRegistrationCode(new URL(location.href));
  if (scrubbed) history.replaceState(history.state, '', scrubbed.href);
}

/** Where this tab keeps a link's code once the address bar no longer shows it, by user. */
const SAVED_CODE = 'passkey-elements:registration-code:';

/**
 * The tab's memory of a link's code (`sessionStorage`: this tab only, gone with it, never sent anywhere):
 * the address bar lost the code, and a reload — which a phone does to a tab in the background — must still
 * find it. Storage that is off or full keeps nothing: the page then asks for the link again.
 */
export const savedCode = {
  keep(userId: string, code: { codeId: string; code: string }): void {
    try {
      sessionStorage.setItem(SAVED_CODE + userId, JSON.stringify(code));
    } catch {
      // No storage: nothing kept.
    }
  },
  read(userId: string): { codeId: string; code: string } | undefined {
    try {
      const saved: unknown = JSON.parse(sessionStorage.getItem(SAVED_CODE + userId) ?? 'null');
      const { codeId, code } = (saved ?? {}) as Record<string, unknown>;
      return typeof codeId === 'string' && codeId && typeof code === 'string' && code
        ? { codeId, code }
        : undefined;
    } catch {
      return undefined;
    }
  },
  /** A spent code is forgotten: it can register nothing more. */
  forget(userId: string): void {
    try {
      sessionStorage.removeItem(SAVED_CODE + userId);
    } catch {
      // No storage: nothing kept.
    }
  },
};
