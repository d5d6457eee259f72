import { RegistrationError } from '../../core/errors.js';

/** The values ZITADEL gives a registration link's URL template. */
export interface LinkValues {
  userId: string;
  orgId: string;
  codeId: string;
  code: string;
}

/** ZITADEL's own limit for `urlTemplate`. */
const MAX_TEMPLATE_LENGTH = 200;

const VARIABLES = new Map<string, keyof LinkValues>([
  ['UserID', 'userId'],
  ['OrgID', 'orgId'],
  ['CodeID', 'codeId'],
  ['Code', 'code'],
]);

// Go template actions as ZITADEL's templates use them: {{.Name}}, spaces allowed inside the braces.
const ACTION = /\{\{\s*\.([A-Za-z]+)\s*\}\}/g;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function invalid(message: string): RegistrationError {
  return new RegistrationError('invalid-input', message);
}

/**
 * Checks a link template before anything is sent: at most 200 characters, only the four variables a
 * registration page needs, and a URL that a person may safely open — `https:`, or `http:` on this
 * machine. `javascript:`, `data:` and every other scheme are refused.
 */
export function checkLinkTemplate(template: string): void {
  if (template.length > MAX_TEMPLATE_LENGTH) {
    throw invalid(`The link template is longer than ${MAX_TEMPLATE_LENGTH} characters`);
  }
  for (const [, name = ''] of template.matchAll(ACTION)) {
    if (!VARIABLES.has(name)) throw invalid(`The link template uses an unknown variable {{.${name}}}`);
  }
  if (template.replace(ACTION, '').includes('{{'))
    throw invalid('The link template has a malformed {{ }} action');
  checkLinkUrl(template.replace(ACTION, 'x'));
}

/** Throws `invalid-input` unless `url` is an absolute `https:` URL, or `http:` on localhost. */
export function checkLinkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('The link is not an absolute URL');
  }
  const safe =
    parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname));
  if (!safe) throw invalid(`Links must use https: (or http: on localhost), not ${parsed.protocol}`);
  return parsed;
}

/** Fills a checked template; every value is URL-encoded, so a value cannot change the URL's shape. */
export function fillLinkTemplate(template: string, values: LinkValues): string {
  checkLinkTemplate(template);
  const link = template.replace(ACTION, (_match, name: string) => {
    const key = VARIABLES.get(name);
    return key ? encodeURIComponent(values[key]) : '';
  });
  return checkLinkUrl(link).href;
}
