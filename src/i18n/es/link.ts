// Spanish — link
import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: 'ID de usuario',
  linkUserIdMissing: 'Introduce el ID del usuario.',
  linkDeliveryLegend: 'Cómo recibe el enlace el usuario',
  linkDeliveryReturn: 'Mostrar el enlace aquí',
  linkDeliveryEmail: 'Enviarlo por correo al usuario',
  linkTemplateLabel: 'Plantilla del enlace (opcional)',
  linkTemplateHint: 'Una URL https: con {{.UserID}}, {{.OrgID}}, {{.CodeID}} y {{.Code}}.',
  linkTemplateV1:
    'ZITADEL v1 no puede usar una plantilla de enlace: envía su propio enlace predeterminado. Vacía la plantilla de enlace o usa la API v2.',
  linkTemplateInvalid:
    'No se puede usar esta plantilla de enlace: debe ser una URL https: sin otras variables que {{.UserID}}, {{.OrgID}}, {{.CodeID}} y {{.Code}}.',
  linkTemplateRefused: 'ZITADEL rechazó esta plantilla de enlace: no puede completar una de sus variables.',
  linkTemplateUnreadable: 'ZITADEL no pudo leer esta plantilla de enlace: revisa sus partes {{ }}.',
  linkCreateButton: 'Crear enlace de registro',
  linkCreating: 'Creando el enlace…',
  linkCreated: 'El enlace de registro está listo. Funciona una sola vez.',
  linkEmailed: 'ZITADEL está enviando el enlace de registro a la dirección de correo del usuario.',
  linkCopy: 'Copiar enlace',
  linkCopied: 'Enlace copiado',
  linkCopyFailed: 'No se pudo copiar: selecciona el enlace y cópialo.',
  linkQrLabel: 'Código QR del enlace de registro',
  linkScanHint: 'Escanea el código con un teléfono para registrar allí una llave de acceso.',
  linkExpires: (date) => `Válido hasta el ${date}.`,
};
