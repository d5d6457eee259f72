import { common } from './en/common.js';
import { link } from './en/link.js';
import { list } from './en/list.js';
import { registration } from './en/registration.js';
import type { Messages } from './messages.js';

/** Every English text. Elements import only their own families (`./en/*.js`), built in. */
export const en: Messages = { ...common, ...registration, ...link, ...list };
