// Italian — list
import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: 'Caricamento di passkey e chiavi di sicurezza…',
  listEmpty: 'Ancora nessuna passkey o chiave di sicurezza.',
  listKindPasskey: 'Passkey',
  listKindU2f: 'Chiave di sicurezza',
  listUnnamedPasskey: 'Passkey senza nome',
  listUnnamedU2f: 'Chiave di sicurezza senza nome',
  listStateReady: 'Pronta',
  listStateNotReady: 'Non completata',
  listDelete: 'Elimina',
  listDeleteLabel: (name) => `Elimina «${name}»`,
  listConfirm: (name) => `Eliminare «${name}»? Non potrai più usarla per accedere.`,
  listConfirmButton: 'Elimina',
  listCancel: 'Annulla',
  listDeleting: (name) => `Eliminazione di «${name}»…`,
  listRemoved: (name) => `«${name}» è stata eliminata.`,
  listUnlistedU2f:
    'Hai registrato anche delle chiavi di sicurezza; questa pagina non può elencarle una per una.',
};
