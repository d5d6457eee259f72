/**
 * Controls for the attributes every element shares. The Custom Elements Manifest (set in
 * `.storybook/preview.ts`) documents them; these turn the ones with a fixed set of values into selects
 * and keep the manifest's property rows (the same settings, camelCased) as documentation only.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import type {
  ApiGeneration,
  AuthenticatorPreference,
  LinkDelivery,
  MessageOverrides,
} from '../../src/index.js';

type InputType = ArgTypes[string];

export type Theme = '' | 'light' | 'dark' | 'auto';

/** The shared configuration as attribute-named args (plus the `strings` property). */
export type ConfigurationArgs = {
  api?: ApiGeneration;
  'base-url'?: string;
  'org-id'?: string;
  'instance-domain'?: string;
  credentials?: RequestCredentials;
  theme?: Theme;
  timeout?: number;
  strings?: MessageOverrides;
};

export const API_GENERATIONS = ['v2', 'v3alpha', 'v1'] as const satisfies readonly ApiGeneration[];
export const AUTHENTICATORS = [
  '',
  'platform',
  'cross-platform',
] as const satisfies readonly AuthenticatorPreference[];
export const DELIVERIES = ['return', 'email'] as const satisfies readonly LinkDelivery[];
const CREDENTIALS = ['omit', 'same-origin', 'include'] as const satisfies readonly RequestCredentials[];
const THEMES = ['', 'light', 'dark', 'auto'] as const satisfies readonly Theme[];

export function select(options: readonly string[], labels: Record<string, string> = {}): InputType {
  return { options, control: { type: 'select', labels } };
}

/**
 * Rows of the manifest's table that get no control: properties set through their attribute's control, or
 * by the story itself, and read-only ones.
 */
export function documentationOnly(...names: string[]): ArgTypes {
  return Object.fromEntries(names.map((name) => [name, { control: false }]));
}

/** A control for an attribute the manifest does not list (yet), filed with the attributes. */
export function attribute(control: InputType, description: string): InputType {
  return { ...control, description, table: { category: 'attributes' } };
}

export const configurationArgTypes: ArgTypes = {
  api: select(API_GENERATIONS),
  credentials: select(CREDENTIALS),
  'base-url': { control: 'text' },
  'org-id': { control: 'text' },
  'instance-domain': { control: 'text' },
  timeout: { control: { type: 'number', min: 0, step: 1000 } },
  theme: attribute(
    select(THEMES, { '': '(the page’s color-scheme)' }),
    '`light`, `dark`, or `auto` (the person’s preference); empty follows the page’s `color-scheme`.',
  ),
  strings: { control: 'object' },
  // Each story's fake backend stands in for `backend` and `token`: it replaces api, base-url and the rest.
  ...documentationOnly('backend', 'token', 'language', 'baseUrl', 'orgId', 'instanceDomain'),
};

/** The args every story starts from: the elements' own defaults. */
export const configurationArgs: ConfigurationArgs = {
  api: 'v2',
  credentials: 'same-origin',
  theme: '',
};
