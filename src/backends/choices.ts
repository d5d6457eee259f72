import { RegistrationError } from '../core/errors.js';

/**
 * The value a table holds for a key the page chose (an `authenticator` attribute, a kind), read from the
 * table's own properties only: `"__proto__"`, `"constructor"` or `"toString"` are not choices, and would
 * otherwise reach the request as `{}` or a function. An unknown key is the caller's input at fault.
 */
export function choose<K extends string, V>(table: Readonly<Record<K, V>>, key: unknown, what: string): V {
  if (typeof key === 'string' && Object.hasOwn(table, key)) return table[key as K];
  const shown = typeof key === 'string' ? JSON.stringify(key.slice(0, 40)) : typeof key;
  throw new RegistrationError(
    'invalid-input',
    `Unknown ${what} ${shown}; expected one of ${Object.keys(table)
      .map((name) => JSON.stringify(name))
      .join(', ')}`,
  );
}
