// French — link
import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: 'ID de l’utilisateur',
  linkUserIdMissing: 'Saisissez l’ID de l’utilisateur.',
  linkDeliveryLegend: 'Comment l’utilisateur reçoit le lien',
  linkDeliveryReturn: 'Afficher le lien ici',
  linkDeliveryEmail: 'L’envoyer par e-mail à l’utilisateur',
  linkTemplateLabel: 'Modèle de lien (facultatif)',
  linkTemplateHint: 'Une URL https: avec {{.UserID}}, {{.OrgID}}, {{.CodeID}} et {{.Code}}.',
  linkTemplateV1:
    'ZITADEL v1 ne peut pas utiliser de modèle de lien\u00a0: il envoie son propre lien par défaut. Videz le modèle de lien ou utilisez l’API v2.',
  linkTemplateInvalid:
    'Ce modèle de lien n’est pas utilisable\u00a0: il doit s’agir d’une URL https: sans autres variables que {{.UserID}}, {{.OrgID}}, {{.CodeID}} et {{.Code}}.',
  linkTemplateRefused:
    'ZITADEL a refusé ce modèle de lien\u00a0: il ne peut pas remplir l’une de ses variables.',
  linkTemplateUnreadable: 'ZITADEL n’a pas pu lire ce modèle de lien\u00a0: vérifiez ses parties {{ }}.',
  linkCreateButton: 'Créer le lien d’inscription',
  linkCreating: 'Création du lien…',
  linkCreated: 'Le lien d’inscription est prêt. Il ne fonctionne qu’une fois.',
  linkEmailed: 'ZITADEL envoie le lien d’inscription à l’adresse e-mail de l’utilisateur.',
  linkCopy: 'Copier le lien',
  linkCopied: 'Lien copié',
  linkCopyFailed: 'La copie n’a pas fonctionné\u00a0: sélectionnez le lien et copiez-le.',
  linkQrLabel: 'Code QR du lien d’inscription',
  linkScanHint: 'Scannez le code avec un téléphone pour y enregistrer une clé d’accès.',
  linkExpires: (date) => `Valable jusqu’au ${date}.`,
};
