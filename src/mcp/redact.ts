import type { Config } from '../core/config/index.js';

/**
 * REG.API echoes the request, password included, as `input_params` when a request sets
 * `show_input_params=1`. regapi2 never sets it, but a result must not carry such an echo even if one
 * arrives, so these keys are dropped.
 */
const ECHO_KEYS = new Set(['input_params']);

/**
 * Secrets long enough to search for in outgoing text. The public test password `test` is left out
 * because replacing it would mangle names such as `test.ru`; it is no secret anyway.
 */
export function secretsOf(config: Config): string[] {
  if (config.usingTestAccount) return [];
  return [config.password, config.pemPassword].filter((value): value is string => typeof value === 'string' && value.length >= 6);
}

/** Returns a deep copy of `value` without echoed input and with every secret string replaced by `[redacted]`. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  return redactValue(value, secrets) as T;
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  }
  if (Array.isArray(value)) return value.map((element) => redactValue(element, secrets));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (!ECHO_KEYS.has(key)) copy[key] = redactValue(field, secrets);
    }
    return copy;
  }
  return value;
}
