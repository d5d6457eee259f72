// Spanish — common
import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: 'La solicitud se canceló o caducó.',
    'already-registered': 'Este dispositivo ya tiene una llave de acceso para tu cuenta.',
    unsupported: 'Este navegador o dispositivo no puede crear llaves de acceso.',
    security: 'Esta página no tiene permiso para crear llaves de acceso para este dominio.',
    aborted: 'El registro se detuvo.',
    'invalid-code': 'Este enlace de registro no es válido, ya se ha usado o ha caducado.',
    unauthenticated: 'No has iniciado sesión o tu sesión ha caducado.',
    forbidden: 'No tienes permiso para hacer esto.',
    'not-found': 'No se encontró el usuario.',
    'invalid-input': 'La solicitud no era válida.',
    'verification-failed': 'El servidor no pudo verificar la nueva credencial.',
    'bad-response': 'El servidor envió una respuesta inesperada.',
    network: 'No se pudo conectar con el servidor.',
    server: 'El servidor tuvo un problema.',
  },
  hints: {
    cancelled: 'Vuelve a intentarlo cuando quieras.',
    'already-registered': 'Ya puedes iniciar sesión con ella o usar otro dispositivo.',
    unsupported: 'Usa otro navegador u otro dispositivo, por ejemplo tu teléfono.',
    security: 'Ponte en contacto con el soporte del sitio.',
    aborted: 'Empieza de nuevo cuando quieras.',
    'invalid-code': 'Pide un enlace nuevo.',
    unauthenticated: 'Vuelve a iniciar sesión e inténtalo de nuevo.',
    forbidden: 'Pide ayuda a un administrador.',
    'not-found': 'Revisa el enlace o consulta a un administrador.',
    'invalid-input': 'Revisa los datos e inténtalo de nuevo.',
    'verification-failed': 'Inténtalo de nuevo o usa otro dispositivo.',
    'bad-response': 'Inténtalo más tarde.',
    network: 'Comprueba tu conexión e inténtalo de nuevo.',
    server: 'Inténtalo de nuevo en un momento.',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined) return `${api} no puede registrar llaves de acceso ni de seguridad.`;
    return `Este ZITADEL no ofrece la API de llaves de acceso ${generation}${suggestV2(generation) ? '; usa v2' : ''}.`;
  },
};
