// German — registration
import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: 'Passkey erstellen',
  passkeyRetryButton: 'Erneut versuchen',
  passkeyAnotherButton: 'Weiteren Passkey erstellen',
  passkeyOtherDeviceButton: 'Anderes Gerät verwenden',
  passkeyIdle:
    'Melden Sie sich künftig mit Fingerabdruck, Gesichtserkennung oder Displaysperre statt mit einem Passwort an.',
  starting: 'Wird vorbereitet …',
  passkeyPrompting: 'Folgen Sie den Anweisungen Ihres Browsers oder Geräts, um den Passkey zu erstellen.',
  verifying: 'Ihr Passkey wird gespeichert …',
  passkeySuccess: (name) => `Ihr Passkey „${name}“ ist bereit. Sie können sich jetzt damit anmelden.`,
  u2fButton: 'Sicherheitsschlüssel hinzufügen',
  u2fRetryButton: 'Erneut versuchen',
  u2fAnotherButton: 'Weiteren Sicherheitsschlüssel hinzufügen',
  u2fOtherDeviceButton: 'Anderen Sicherheitsschlüssel verwenden',
  u2fIdle: 'Verwenden Sie einen Sicherheitsschlüssel als zweiten Schritt bei der Anmeldung.',
  u2fPrompting:
    'Stecken Sie Ihren Sicherheitsschlüssel ein oder tippen Sie ihn an und folgen Sie den Anweisungen Ihres Browsers.',
  u2fSuccess: (name) => `Ihr Sicherheitsschlüssel „${name}“ ist bereit.`,
  u2fAlreadyRegistered: 'Dieser Sicherheitsschlüssel ist bereits registriert.',
  nameLabel: 'Bezeichnung (optional)',
  capabilityNoWebAuthn:
    'Dieser Browser kann hier keine Passkeys erstellen. Öffnen Sie den Registrierungslink auf Ihrem Smartphone oder verwenden Sie einen anderen Browser.',
  capabilityNoPlatform:
    'Auf diesem Gerät ist kein Passkey-Anbieter eingerichtet (Fingerabdruck, Gesichtserkennung oder Displaysperre). Richten Sie einen ein oder registrieren Sie sich über Ihr Smartphone mit dem QR-Code eines Registrierungslinks.',
  platformRefused:
    'Dieser Browser kann auf diesem Gerät keinen Passkey speichern: Er bietet hier keinen Passkey-Anbieter an. Verwenden Sie einen anderen Browser oder registrieren Sie sich über Ihr Smartphone mit dem QR-Code eines Registrierungslinks.',
  capabilityOtherDevice:
    'Dieses Gerät kann den Passkey nicht selbst speichern: Ihr Browser bietet stattdessen Ihr Smartphone oder einen Sicherheitsschlüssel an.',
  deviceName: (browser, os) => `${browser} auf ${os}`,
  registrationNeedsLink: 'Diese Seite kann ohne einen Link nichts registrieren.',
  passkeyStartingButton: 'Ihr Passkey wird erstellt …',
  u2fStartingButton: 'Ihr Sicherheitsschlüssel wird hinzugefügt …',
  promptingButton: 'Warten auf Ihr Gerät …',
  verifyingButton: 'Wird geprüft …',
  cancelButton: 'Abbrechen',
  timeLeft: (minutes) => (minutes === 1 ? 'Noch höchstens 1 Minute' : `Noch höchstens ${minutes} Minuten`),
  securityKeyName: (date) => `Sicherheitsschlüssel, ${date}`,
  linkMissing:
    'Öffnen Sie den Link aus Ihrer Einladungs-E-Mail, um Ihren Passkey zu erstellen. Ohne ihn weiß diese Seite nicht, wer Sie sind.',
  linkNoWebAuthn:
    'Dieser Browser kann keine Passkeys erstellen; Ihr Link wurde noch nicht verwendet. Öffnen Sie diese Seite in einem anderen Browser (in einer App wählen Sie im Menü „Im Browser öffnen“) oder öffnen Sie den Link auf einem anderen Gerät.',
  linkRefused:
    'Dieser Browser kann hier keinen Passkey erstellen, und Ihr Link ist nun verbraucht. Fordern Sie einen neuen Link an und öffnen Sie ihn in einem anderen Browser oder auf einem anderen Gerät.',
  u2fVerifying: 'Ihr Sicherheitsschlüssel wird gespeichert …',
  continueLink: 'Weiter',
  orphanRemoved: 'Der nicht gespeicherte Passkey wurde aus Ihrem Passwortmanager entfernt.',
};
