// French — common
import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: 'La demande a été annulée ou a expiré.',
    'already-registered': 'Cet appareil possède déjà une clé d’accès pour votre compte.',
    unsupported: 'Ce navigateur ou cet appareil ne peut pas créer de clé d’accès.',
    security: 'Cette page n’est pas autorisée à créer des clés d’accès pour ce domaine.',
    aborted: 'L’inscription a été interrompue.',
    'invalid-code': 'Ce lien d’inscription n’est pas valide, a déjà été utilisé ou a expiré.',
    unauthenticated: 'Vous n’êtes pas connecté, ou votre session a expiré.',
    forbidden: 'Vous n’êtes pas autorisé à effectuer cette action.',
    'not-found': 'L’utilisateur est introuvable.',
    'invalid-input': 'La demande n’était pas valide.',
    'verification-failed': 'Le serveur n’a pas pu vérifier la nouvelle clé.',
    'bad-response': 'Le serveur a envoyé une réponse inattendue.',
    network: 'Impossible de joindre le serveur.',
    server: 'Le serveur a rencontré un problème.',
  },
  hints: {
    cancelled: 'Réessayez quand vous le souhaitez.',
    'already-registered':
      'Vous pouvez déjà vous connecter avec cette clé d’accès, ou utiliser un autre appareil.',
    unsupported: 'Utilisez un autre navigateur ou un autre appareil, par exemple votre téléphone.',
    security: 'Contactez l’assistance du site.',
    aborted: 'Recommencez quand vous le souhaitez.',
    'invalid-code': 'Demandez un nouveau lien.',
    unauthenticated: 'Reconnectez-vous, puis réessayez.',
    forbidden: 'Demandez de l’aide à un administrateur.',
    'not-found': 'Vérifiez le lien ou contactez un administrateur.',
    'invalid-input': 'Vérifiez les informations et réessayez.',
    'verification-failed': 'Réessayez ou utilisez un autre appareil.',
    'bad-response': 'Réessayez plus tard.',
    network: 'Vérifiez votre connexion et réessayez.',
    server: 'Réessayez dans un instant.',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined)
      return `${api} ne peut pas enregistrer de clés d’accès ni de clés de sécurité.`;
    return `Ce ZITADEL ne propose pas l’API de clés d’accès ${generation}${suggestV2(generation) ? '\u202f; utilisez v2' : ''}.`;
  },
};
