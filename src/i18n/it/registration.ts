// Italian — registration
import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: 'Crea una passkey',
  passkeyRetryButton: 'Riprova',
  passkeyAnotherButton: 'Crea un’altra passkey',
  passkeyOtherDeviceButton: 'Usa un altro dispositivo',
  passkeyIdle:
    'La prossima volta accedi con l’impronta, il volto o il blocco schermo invece che con una password.',
  starting: 'Preparazione…',
  passkeyPrompting: 'Segui le istruzioni del browser o del dispositivo per creare la passkey.',
  verifying: 'Salvataggio della passkey…',
  passkeySuccess: (name) => `La tua passkey «${name}» è pronta. Puoi usarla per accedere.`,
  u2fButton: 'Aggiungi una chiave di sicurezza',
  u2fRetryButton: 'Riprova',
  u2fAnotherButton: 'Aggiungi un’altra chiave di sicurezza',
  u2fOtherDeviceButton: 'Usa un’altra chiave di sicurezza',
  u2fIdle: 'Usa una chiave di sicurezza come secondo passaggio quando accedi.',
  u2fPrompting: 'Inserisci o tocca la chiave di sicurezza e segui le istruzioni del browser.',
  u2fSuccess: (name) => `La tua chiave di sicurezza «${name}» è pronta.`,
  u2fAlreadyRegistered: 'Questa chiave di sicurezza è già registrata.',
  nameLabel: 'Nome (facoltativo)',
  capabilityNoWebAuthn:
    'Questo browser non può creare passkey qui. Apri il link di registrazione sul telefono oppure usa un altro browser.',
  capabilityNoPlatform:
    'Su questo dispositivo non è configurato un gestore di passkey (impronta, volto o blocco schermo). Configurane uno oppure registrati dal telefono con il codice QR di un link di registrazione.',
  platformRefused:
    'Questo browser non può conservare una passkey su questo dispositivo: qui non offre alcun gestore di passkey. Usa un altro browser oppure registrati dal telefono con il codice QR di un link di registrazione.',
  capabilityOtherDevice:
    'Questo dispositivo non può conservare la passkey: il browser ti proporrà il telefono o una chiave di sicurezza.',
  deviceName: (browser, os) => `${browser} su ${os}`,
  registrationNeedsLink: 'Questa pagina non può registrare nulla senza un link.',
  passkeyStartingButton: 'Creazione della passkey…',
  u2fStartingButton: 'Aggiunta della chiave di sicurezza…',
  promptingButton: 'In attesa del dispositivo…',
  verifyingButton: 'Verifica…',
  cancelButton: 'Annulla',
  timeLeft: (minutes) =>
    minutes === 1 ? 'Resta al massimo 1 minuto' : `Restano al massimo ${minutes} minuti`,
  securityKeyName: (date) => `Chiave di sicurezza, ${date}`,
  linkMissing:
    'Per creare la passkey, apri il link dell’email di invito. Senza il link, questa pagina non può sapere chi sei.',
  linkNoWebAuthn:
    'Questo browser non può creare passkey, e il tuo link non è ancora stato usato. Apri questa pagina in un altro browser (in un’app, scegli «Apri nel browser» dal suo menu) oppure apri il link su un altro dispositivo.',
  linkRefused:
    'Questo browser non può creare una passkey qui, e il tuo link ora è stato usato. Chiedi un nuovo link e aprilo in un altro browser o su un altro dispositivo.',
  u2fVerifying: 'Salvataggio della chiave di sicurezza…',
  continueLink: 'Continua',
  orphanRemoved: 'La passkey non salvata è stata rimossa dal tuo gestore di password.',
};
