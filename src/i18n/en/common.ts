import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: 'The request was cancelled or timed out.',
    'already-registered': 'This device already has a passkey for your account.',
    unsupported: 'This browser or device cannot create passkeys.',
    security: 'This page is not allowed to create passkeys for this domain.',
    aborted: 'The registration was stopped.',
    'invalid-code': 'This registration link is invalid, has already been used or has expired.',
    unauthenticated: 'You are not signed in, or your session has expired.',
    forbidden: 'You are not allowed to do this.',
    'not-found': 'The user could not be found.',
    'invalid-input': 'The request was not valid.',
    'verification-failed': 'The server could not verify the new credential.',
    'bad-response': 'The server sent an unexpected answer.',
    network: 'The server could not be reached.',
    server: 'The server had a problem.',
  },
  hints: {
    cancelled: 'Try again when you are ready.',
    'already-registered': 'You can already sign in with it, or use another device.',
    unsupported: 'Use another browser or device, for example your phone.',
    security: 'Contact the site’s support.',
    aborted: 'Start again when you are ready.',
    'invalid-code': 'Ask for a new link.',
    unauthenticated: 'Sign in again, then try again.',
    forbidden: 'Ask an administrator for help.',
    'not-found': 'Check the link or ask an administrator.',
    'invalid-input': 'Check the details and try again.',
    'verification-failed': 'Try again, or use another device.',
    'bad-response': 'Try again later.',
    network: 'Check your connection and try again.',
    server: 'Try again in a moment.',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined) return `${api} cannot register passkeys or security keys.`;
    return `This ZITADEL does not offer the ${generation} passkey API${suggestV2(generation) ? '; use v2' : ''}.`;
  },
};
