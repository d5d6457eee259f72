// Spanish — registration
import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: 'Crear una llave de acceso',
  passkeyRetryButton: 'Reintentar',
  passkeyAnotherButton: 'Crear otra llave de acceso',
  passkeyOtherDeviceButton: 'Usar otro dispositivo',
  passkeyIdle:
    'La próxima vez, inicia sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña.',
  starting: 'Preparando…',
  passkeyPrompting: 'Sigue las instrucciones de tu navegador o dispositivo para crear la llave de acceso.',
  verifying: 'Guardando tu llave de acceso…',
  passkeySuccess: (name) => `Tu llave de acceso «${name}» está lista. Ya puedes usarla para iniciar sesión.`,
  u2fButton: 'Añadir una llave de seguridad',
  u2fRetryButton: 'Reintentar',
  u2fAnotherButton: 'Añadir otra llave de seguridad',
  u2fOtherDeviceButton: 'Usar otra llave de seguridad',
  u2fIdle: 'Usa una llave de seguridad como segundo paso al iniciar sesión.',
  u2fPrompting: 'Inserta o toca tu llave de seguridad y sigue las instrucciones de tu navegador.',
  u2fSuccess: (name) => `Tu llave de seguridad «${name}» está lista.`,
  u2fAlreadyRegistered: 'Esta llave de seguridad ya está registrada.',
  nameLabel: 'Nombre (opcional)',
  capabilityNoWebAuthn:
    'Este navegador no puede crear llaves de acceso aquí. Abre el enlace de registro en tu teléfono o usa otro navegador.',
  capabilityNoPlatform:
    'Este dispositivo no tiene configurado un gestor de llaves de acceso (huella, cara o bloqueo de pantalla). Configura uno o regístrate desde tu teléfono con el código QR de un enlace de registro.',
  platformRefused:
    'Este navegador no puede guardar una llave de acceso en este dispositivo: aquí no ofrece ningún gestor de llaves de acceso. Usa otro navegador o regístrate desde tu teléfono con el código QR de un enlace de registro.',
  capabilityOtherDevice:
    'Este dispositivo no puede guardar la llave de acceso: tu navegador te ofrecerá usar tu teléfono o una llave de seguridad.',
  deviceName: (browser, os) => `${browser} en ${os}`,
  registrationNeedsLink: 'Esta página no puede registrar nada sin un enlace.',
  passkeyStartingButton: 'Creando tu llave de acceso…',
  u2fStartingButton: 'Añadiendo tu llave de seguridad…',
  promptingButton: 'Esperando a tu dispositivo…',
  verifyingButton: 'Comprobando…',
  cancelButton: 'Cancelar',
  timeLeft: (minutes) =>
    minutes === 1 ? 'Queda 1 minuto como máximo' : `Quedan ${minutes} minutos como máximo`,
  securityKeyName: (date) => `Llave de seguridad, ${date}`,
  linkMissing:
    'Para crear tu llave de acceso, abre el enlace de tu correo de invitación. Sin él, esta página no sabe quién eres.',
  linkNoWebAuthn:
    'Este navegador no puede crear llaves de acceso, y tu enlace sigue sin usar. Abre esta página en otro navegador (en una app, elige «Abrir en el navegador» en su menú) o abre el enlace en otro dispositivo.',
  linkRefused:
    'Este navegador no puede crear una llave de acceso aquí, y tu enlace ya se ha usado. Pide un enlace nuevo y ábrelo en otro navegador o en otro dispositivo.',
  u2fVerifying: 'Guardando tu llave de seguridad…',
  continueLink: 'Continuar',
  orphanRemoved: 'La llave de acceso que no se guardó se ha quitado de tu gestor de contraseñas.',
};
