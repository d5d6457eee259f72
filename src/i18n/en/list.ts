import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: 'Loading your passkeys and security keys…',
  listEmpty: 'No passkeys or security keys yet.',
  listKindPasskey: 'Passkey',
  listKindU2f: 'Security key',
  listUnnamedPasskey: 'Unnamed passkey',
  listUnnamedU2f: 'Unnamed security key',
  listStateReady: 'Ready',
  listStateNotReady: 'Not finished',
  listDelete: 'Delete',
  listDeleteLabel: (name) => `Delete “${name}”`,
  listConfirm: (name) => `Delete “${name}”? You can no longer sign in with it.`,
  listConfirmButton: 'Delete',
  listCancel: 'Cancel',
  listDeleting: (name) => `Deleting “${name}”…`,
  listRemoved: (name) => `“${name}” was deleted.`,
  listUnlistedU2f: 'You also have security keys registered; this page cannot list them one by one.',
};
