// Italian — common
import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: 'La richiesta è stata annullata o è scaduta.',
    'already-registered': 'Questo dispositivo ha già una passkey per il tuo account.',
    unsupported: 'Questo browser o dispositivo non può creare passkey.',
    security: 'Questa pagina non è autorizzata a creare passkey per questo dominio.',
    aborted: 'La registrazione è stata interrotta.',
    'invalid-code': 'Questo link di registrazione non è valido, è già stato usato o è scaduto.',
    unauthenticated: 'Non hai effettuato l’accesso, oppure la sessione è scaduta.',
    forbidden: 'Non hai l’autorizzazione per farlo.',
    'not-found': 'Impossibile trovare l’utente.',
    'invalid-input': 'La richiesta non era valida.',
    'verification-failed': 'Il server non è riuscito a verificare la nuova credenziale.',
    'bad-response': 'Il server ha inviato una risposta inattesa.',
    network: 'Impossibile raggiungere il server.',
    server: 'Il server ha avuto un problema.',
  },
  hints: {
    cancelled: 'Riprova quando vuoi.',
    'already-registered': 'Puoi già accedere con questa passkey oppure usare un altro dispositivo.',
    unsupported: 'Usa un altro browser o un altro dispositivo, ad esempio il telefono.',
    security: 'Contatta l’assistenza del sito.',
    aborted: 'Ricomincia quando vuoi.',
    'invalid-code': 'Richiedi un nuovo link.',
    unauthenticated: 'Accedi di nuovo, poi riprova.',
    forbidden: 'Chiedi aiuto a un amministratore.',
    'not-found': 'Controlla il link o rivolgiti a un amministratore.',
    'invalid-input': 'Controlla i dati e riprova.',
    'verification-failed': 'Riprova oppure usa un altro dispositivo.',
    'bad-response': 'Riprova più tardi.',
    network: 'Controlla la connessione e riprova.',
    server: 'Riprova tra un momento.',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined) return `${api} non può registrare passkey né chiavi di sicurezza.`;
    return `Questo ZITADEL non offre l’API passkey ${generation}${suggestV2(generation) ? '; usa v2' : ''}.`;
  },
};
