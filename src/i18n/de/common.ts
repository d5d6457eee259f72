// German — common
import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: 'Der Vorgang wurde abgebrochen oder ist abgelaufen.',
    'already-registered': 'Dieses Gerät hat bereits einen Passkey für Ihr Konto.',
    unsupported: 'Dieser Browser oder dieses Gerät kann keine Passkeys erstellen.',
    security: 'Diese Seite darf für diese Domain keine Passkeys erstellen.',
    aborted: 'Die Registrierung wurde beendet.',
    'invalid-code': 'Dieser Registrierungslink ist ungültig, wurde bereits verwendet oder ist abgelaufen.',
    unauthenticated: 'Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen.',
    forbidden: 'Dazu sind Sie nicht berechtigt.',
    'not-found': 'Der Benutzer wurde nicht gefunden.',
    'invalid-input': 'Die Anfrage war ungültig.',
    'verification-failed': 'Der Server konnte die neuen Anmeldedaten nicht überprüfen.',
    'bad-response': 'Der Server hat unerwartet geantwortet.',
    network: 'Der Server ist nicht erreichbar.',
    server: 'Beim Server ist ein Problem aufgetreten.',
  },
  hints: {
    cancelled: 'Versuchen Sie es erneut, wenn Sie bereit sind.',
    'already-registered': 'Sie können sich schon damit anmelden oder ein anderes Gerät verwenden.',
    unsupported: 'Verwenden Sie einen anderen Browser oder ein anderes Gerät, zum Beispiel Ihr Smartphone.',
    security: 'Wenden Sie sich an den Support der Website.',
    aborted: 'Starten Sie erneut, wenn Sie bereit sind.',
    'invalid-code': 'Fordern Sie einen neuen Link an.',
    unauthenticated: 'Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    forbidden: 'Bitten Sie einen Administrator um Hilfe.',
    'not-found': 'Prüfen Sie den Link oder wenden Sie sich an einen Administrator.',
    'invalid-input': 'Prüfen Sie die Angaben und versuchen Sie es erneut.',
    'verification-failed': 'Versuchen Sie es erneut oder verwenden Sie ein anderes Gerät.',
    'bad-response': 'Versuchen Sie es später erneut.',
    network: 'Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    server: 'Versuchen Sie es gleich noch einmal.',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined) return `${api} kann keine Passkeys oder Sicherheitsschlüssel registrieren.`;
    return `Dieses ZITADEL bietet die Passkey-API ${generation} nicht an${suggestV2(generation) ? '; verwenden Sie v2' : ''}.`;
  },
};
