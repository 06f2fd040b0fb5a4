/**
 * Method parameters whose values are secrets: a domain's transfer code (`authinfo`) and passwords
 * set for new users or services. The store keeps them because the queue must send them, but the
 * journal, which `regapi2 ops show` prints, gets `[redacted]` instead.
 */
const SECRET_PARAMETER = /^(authinfo|new_authinfo|user_password|password|passwd|new_password)$/i;

/** Returns a copy of a method input with secret parameters replaced by `[redacted]`, at any depth. */
export function redactInput<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => redactInput(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      copy[key] = SECRET_PARAMETER.test(key) ? '[redacted]' : redactInput(inner);
    }
    return copy as T;
  }
  return value;
}
