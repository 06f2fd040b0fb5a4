import type { RedactedRequest } from './types.js';

const REDACTED = '[redacted]';

/** Form fields whose values are credentials. */
const SECRET_FIELDS = new Set(['password', 'sig', 'pem_password']);

/** A copy of the form with credentials replaced; `input_data` stays, since credentials never go there. */
export function redactRequest(url: string, path: string, form: URLSearchParams): RedactedRequest {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) fields[name] = SECRET_FIELDS.has(name) ? REDACTED : value;
  return { url, path, fields };
}

/**
 * Removes every occurrence of the given secrets from a text (an error body, an excerpt). Used where
 * text from outside is shown: REG.API may echo the request, and a proxy page may quote it.
 */
export function scrubText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 3) continue;
    result = result.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join(REDACTED);
    const formEncoded = new URLSearchParams({ s: secret }).toString().slice(2);
    if (formEncoded !== secret && formEncoded !== encoded) result = result.split(formEncoded).join(REDACTED);
  }
  return result;
}

/**
 * Drops `input_params` wherever it appears in an answer. REG.API echoes the request there, password
 * included, when asked with `show_input_params=1`; regapi2 never asks, and removes it regardless.
 */
export function stripEcho<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => stripEcho(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'input_params') continue;
      copy[key] = stripEcho(inner);
    }
    return copy as T;
  }
  return value;
}
