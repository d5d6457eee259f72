// Italian — link
import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: 'ID utente',
  linkUserIdMissing: 'Inserisci l’ID dell’utente.',
  linkDeliveryLegend: 'Come riceve il link l’utente',
  linkDeliveryReturn: 'Mostra il link qui',
  linkDeliveryEmail: 'Invialo all’utente via email',
  linkTemplateLabel: 'Modello del link (facoltativo)',
  linkTemplateHint: 'Un URL https: con {{.UserID}}, {{.OrgID}}, {{.CodeID}} e {{.Code}}.',
  linkTemplateV1:
    'ZITADEL v1 non può usare un modello di link: invia il proprio link predefinito. Svuota il modello di link o usa l’API v2.',
  linkTemplateInvalid:
    'Questo modello di link non si può usare: deve essere un URL https: senza altre variabili oltre a {{.UserID}}, {{.OrgID}}, {{.CodeID}} e {{.Code}}.',
  linkTemplateRefused:
    'ZITADEL ha rifiutato questo modello di link: non può compilare una delle sue variabili.',
  linkTemplateUnreadable:
    'ZITADEL non è riuscito a leggere questo modello di link: controlla le parti {{ }}.',
  linkCreateButton: 'Crea link di registrazione',
  linkCreating: 'Creazione del link…',
  linkCreated: 'Il link di registrazione è pronto. Funziona una sola volta.',
  linkEmailed: 'ZITADEL sta inviando il link di registrazione all’indirizzo email dell’utente.',
  linkCopy: 'Copia link',
  linkCopied: 'Link copiato',
  linkCopyFailed: 'Copia non riuscita: seleziona il link e copialo.',
  linkQrLabel: 'Codice QR del link di registrazione',
  linkScanHint: 'Scansiona il codice con un telefono per registrare lì una passkey.',
  linkExpires: (date) => `Valido fino al ${date}.`,
};
