// French — registration
import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: 'Créer une clé d’accès',
  passkeyRetryButton: 'Réessayer',
  passkeyAnotherButton: 'Créer une autre clé d’accès',
  passkeyOtherDeviceButton: 'Utiliser un autre appareil',
  passkeyIdle:
    'La prochaine fois, connectez-vous avec votre empreinte, votre visage ou le verrouillage de l’écran plutôt qu’avec un mot de passe.',
  starting: 'Préparation…',
  passkeyPrompting:
    'Suivez les instructions de votre navigateur ou de votre appareil pour créer la clé d’accès.',
  verifying: 'Enregistrement de votre clé d’accès…',
  passkeySuccess: (name) =>
    `Votre clé d’accès «\u202f${name}\u202f» est prête. Vous pouvez l’utiliser pour vous connecter.`,
  u2fButton: 'Ajouter une clé de sécurité',
  u2fRetryButton: 'Réessayer',
  u2fAnotherButton: 'Ajouter une autre clé de sécurité',
  u2fOtherDeviceButton: 'Utiliser une autre clé de sécurité',
  u2fIdle: 'Utilisez une clé de sécurité comme deuxième étape de connexion.',
  u2fPrompting: 'Insérez ou touchez votre clé de sécurité et suivez les instructions de votre navigateur.',
  u2fSuccess: (name) => `Votre clé de sécurité «\u202f${name}\u202f» est prête.`,
  u2fAlreadyRegistered: 'Cette clé de sécurité est déjà enregistrée.',
  nameLabel: 'Nom (facultatif)',
  capabilityNoWebAuthn:
    'Ce navigateur ne peut pas créer de clé d’accès ici. Ouvrez le lien d’inscription sur votre téléphone ou utilisez un autre navigateur.',
  capabilityNoPlatform:
    'Aucun gestionnaire de clés d’accès n’est configuré sur cet appareil (empreinte, visage ou verrouillage de l’écran). Configurez-en un, ou inscrivez-vous depuis votre téléphone avec le code QR d’un lien d’inscription.',
  platformRefused:
    'Ce navigateur ne peut pas conserver de clé d’accès sur cet appareil\u00a0: il n’y propose aucun gestionnaire de clés d’accès. Utilisez un autre navigateur, ou inscrivez-vous depuis votre téléphone avec le code QR d’un lien d’inscription.',
  capabilityOtherDevice:
    'Cet appareil ne peut pas conserver la clé d’accès lui-même\u00a0: votre navigateur vous proposera votre téléphone ou une clé de sécurité.',
  deviceName: (browser, os) => `${browser} sur ${os}`,
  registrationNeedsLink: 'Cette page ne peut rien enregistrer sans lien.',
  passkeyStartingButton: 'Création de votre clé d’accès…',
  u2fStartingButton: 'Ajout de votre clé de sécurité…',
  promptingButton: 'En attente de votre appareil…',
  verifyingButton: 'Vérification…',
  cancelButton: 'Annuler',
  timeLeft: (minutes) => (minutes === 1 ? 'Encore 1 minute au plus' : `Encore ${minutes} minutes au plus`),
  securityKeyName: (date) => `Clé de sécurité, ${date}`,
  linkMissing:
    'Pour créer votre clé d’accès, ouvrez le lien de votre e-mail d’invitation. Sans lui, cette page ne sait pas qui vous êtes.',
  linkNoWebAuthn:
    'Ce navigateur ne peut pas créer de clé d’accès, et votre lien n’a pas encore servi. Ouvrez cette page dans un autre navigateur (dans une application, choisissez «\u202fOuvrir dans le navigateur\u202f» dans son menu) ou ouvrez le lien sur un autre appareil.',
  linkRefused:
    'Ce navigateur ne peut pas créer de clé d’accès ici, et votre lien est désormais utilisé. Demandez un nouveau lien, puis ouvrez-le dans un autre navigateur ou sur un autre appareil.',
  u2fVerifying: 'Enregistrement de votre clé de sécurité…',
  continueLink: 'Continuer',
  orphanRemoved: 'La clé d’accès non enregistrée a été retirée de votre gestionnaire de mots de passe.',
};
