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
  listDeleteLabel: (name) => `Supprimer « ${name} »`,
  listConfirm: (name) => `Supprimer « ${name} » ? Vous ne pourrez plus vous connecter avec.`,
  listConfirmButton: 'Supprimer',
  listCancel: 'Annuler',
  listDeleting: (name) => `Suppression de « ${name} »…`,
  listRemoved: (name) => `« ${name} » a été supprimée.`,
  listUnlistedU2f:
    'Vous avez aussi des clés de sécurité enregistrées ; cette page ne peut pas les afficher une par une.',
};
