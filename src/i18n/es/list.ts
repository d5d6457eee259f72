// Spanish — list
import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: 'Cargando tus llaves de acceso y de seguridad…',
  listEmpty: 'Todavía no hay llaves de acceso ni de seguridad.',
  listKindPasskey: 'Llave de acceso',
  listKindU2f: 'Llave de seguridad',
  listUnnamedPasskey: 'Llave de acceso sin nombre',
  listUnnamedU2f: 'Llave de seguridad sin nombre',
  listStateReady: 'Lista para usar',
  listStateNotReady: 'Sin terminar',
  listDelete: 'Eliminar',
  listDeleteLabel: (name) => `Eliminar «${name}»`,
  listConfirm: (name) => `¿Eliminar «${name}»? Ya no podrás iniciar sesión con ella.`,
  listConfirmButton: 'Eliminar',
  listCancel: 'Cancelar',
  listDeleting: (name) => `Eliminando «${name}»…`,
  listRemoved: (name) => `«${name}» se ha eliminado.`,
  listUnlistedU2f:
    'También tienes llaves de seguridad registradas; esta página no puede mostrarlas una por una.',
};
