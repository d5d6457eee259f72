/** The parameters of a registration link, named as ZITADEL's login names them. */
export interface RegistrationLinkParams {
  userId?: string;
  orgId?: string;
  codeId?: string;
  code?: string;
}

const PARAMS = { userId: 'userID', orgId: 'orgID', codeId: 'codeID', code: 'code' } as const;

export function readRegistrationLink(url: URL): RegistrationLinkParams {
  const params: RegistrationLinkParams = {};
  for (const [key, name] of Object.entries(PARAMS) as [keyof RegistrationLinkParams, string][]) {
    const value = url.searchParams.get(name);
    if (value) params[key] = value;
  }
  return params;
}

/**
 * Takes the one-time code out of the address bar and out of the current history entry, so it is not
 * shared, bookmarked or sent as a referrer. `replaceState` rewrites the entry instead of adding one.
 */
export function removeCodeFromAddressBar(location: Location, history: History): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(PARAMS.code) && !url.searchParams.has(PARAMS.codeId)) return;
  url.searchParams.delete(PARAMS.code);
  url.searchParams.delete(PARAMS.codeId);
  history.replaceState(history.state, '', url.href);
}
