// German — list
import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: 'Ihre Passkeys und Sicherheitsschlüssel werden geladen …',
  listEmpty: 'Noch keine Passkeys oder Sicherheitsschlüssel.',
  listKindPasskey: 'Passkey',
  listKindU2f: 'Sicherheitsschlüssel',
  listUnnamedPasskey: 'Passkey ohne Namen',
  listUnnamedU2f: 'Sicherheitsschlüssel ohne Namen',
  listStateReady: 'Bereit',
  listStateNotReady: 'Nicht abgeschlossen',
  listDelete: 'Löschen',
  listDeleteLabel: (name) => `„${name}“ löschen`,
  listConfirm: (name) => `„${name}“ löschen? Sie können sich dann nicht mehr damit anmelden.`,
  listConfirmButton: 'Löschen',
  listCancel: 'Abbrechen',
  listDeleting: (name) => `„${name}“ wird gelöscht …`,
  listRemoved: (name) => `„${name}“ wurde gelöscht.`,
  listUnlistedU2f:
    'Sie haben außerdem Sicherheitsschlüssel registriert; diese Seite kann sie nicht einzeln anzeigen.',
};
