// German — link
import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: 'Benutzer-ID',
  linkUserIdMissing: 'Geben Sie die ID des Benutzers ein.',
  linkDeliveryLegend: 'Wie der Benutzer den Link erhält',
  linkDeliveryReturn: 'Link hier anzeigen',
  linkDeliveryEmail: 'Per E-Mail an den Benutzer senden',
  linkTemplateLabel: 'Link-Vorlage (optional)',
  linkTemplateHint: 'Eine https:-URL mit {{.UserID}}, {{.OrgID}}, {{.CodeID}} und {{.Code}}.',
  linkTemplateV1:
    'ZITADEL v1 kann keine Link-Vorlage verwenden: Es verschickt seinen eigenen Standardlink. Leeren Sie die Link-Vorlage oder verwenden Sie die v2-API.',
  linkTemplateInvalid:
    'Diese Link-Vorlage ist nicht verwendbar: Sie muss eine https:-URL sein und darf nur {{.UserID}}, {{.OrgID}}, {{.CodeID}} und {{.Code}} enthalten.',
  linkTemplateRefused:
    'ZITADEL hat diese Link-Vorlage abgelehnt: Es kann eine ihrer Variablen nicht befüllen.',
  linkTemplateUnreadable: 'ZITADEL konnte diese Link-Vorlage nicht lesen: Prüfen Sie die {{ }}-Teile.',
  linkCreateButton: 'Registrierungslink erstellen',
  linkCreating: 'Link wird erstellt …',
  linkCreated: 'Der Registrierungslink ist bereit. Er kann nur einmal verwendet werden.',
  linkEmailed: 'ZITADEL sendet den Registrierungslink an die E-Mail-Adresse des Benutzers.',
  linkCopy: 'Link kopieren',
  linkCopied: 'Link kopiert',
  linkCopyFailed: 'Kopieren hat nicht funktioniert: Markieren und kopieren Sie den Link.',
  linkQrLabel: 'QR-Code des Registrierungslinks',
  linkScanHint: 'Scannen Sie den Code mit einem Smartphone, um dort einen Passkey zu registrieren.',
  linkExpires: (date) => `Gültig bis ${date}.`,
};
