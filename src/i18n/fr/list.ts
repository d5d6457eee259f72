// French — list
import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: 'Chargement de vos clés d’accès et clés de sécurité…',
  listEmpty: 'Aucune clé d’accès ni clé de sécurité pour l’instant.',
  listKindPasskey: 'Clé d’accès',
  listKindU2f: 'Clé de sécurité',
  listUnnamedPasskey: 'Clé d’accès sans nom',
  listUnnamedU2f: 'Clé de sécurité sans nom',
  listStateReady: 'Prête',
  listStateNotReady: 'Inachevée',
  listDelete: 'Supprimer',
  listDeleteLabel: (name) => `Supprimer «\u202f${name}\u202f»`,
  listConfirm: (name) =>
    `Supprimer «\u202f${name}\u202f»\u202f? Vous ne pourrez plus l’utiliser pour vous connecter.`,
  listConfirmButton: 'Supprimer',
  listCancel: 'Annuler',
  listDeleting: (name) => `Suppression de «\u202f${name}\u202f»…`,
  listRemoved: (name) => `«\u202f${name}\u202f» a été supprimée.`,
  listUnlistedU2f:
    'Vous avez aussi des clés de sécurité enregistrées\u202f; cette page ne peut pas les afficher une par une.',
};
