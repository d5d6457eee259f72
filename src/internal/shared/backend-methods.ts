import type { RegistrationBackend } from '../../backends/types.js';
import { RegistrationError } from '../../core/errors.js';

/** What a backend may leave out: every method. */
type BackendMethod = Exclude<keyof RegistrationBackend, 'label'>;

/** A backend that has `M`. */
type BackendWith<M extends BackendMethod> = RegistrationBackend & Required<Pick<RegistrationBackend, M>>;

/**
 * Throws `unsupported` unless `backend` has `method` (a backend that cannot do something leaves it out).
 * The error names the API, whose own sentence the element shows instead of the generic browser hint.
 */
export function requireMethod<M extends BackendMethod>(
  backend: RegistrationBackend,
  method: M,
): asserts backend is BackendWith<M> {
  if (typeof backend[method] !== 'function') {
    throw new RegistrationError('unsupported', `${backend.label} has no ${method}()`, { api: backend.label });
  }
}
