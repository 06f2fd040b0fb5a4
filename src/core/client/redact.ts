import type { RedactedRequest } from './types.js';

const REDACTED = '[redacted]';

/** Form fields whose values are credentials. */
const SECRET_FIELDS = new Set(['password', 'sig', 'pem_password']);

/**
 * Method parameters that are secrets of their own: the password of a new sub-account (user/create),
 * a transfer's authorisation code, a hosting password.
 */
const SECRET_PARAMETER = /password|passwd|authinfo|pem|secret/i;

/** Returns a copy of method parameters with secret parameters replaced, at any depth. */
export function redactParameters<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => redactParameters(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      copy[key] = SECRET_PARAMETER.test(key) && inner !== null && inner !== undefined && inner !== '' ? REDACTED : redactParameters(inner);
    }
    return copy as T;
  }
  return value;
}

function redactInputData(text: string): string {
  try {
    return JSON.stringify(redactParameters(JSON.parse(text)));
  } catch {
    return REDACTED;
  }
}

/** A copy of the form with credentials and secret method parameters replaced. */
export function redactRequest(url: string, path: string, form: URLSearchParams): RedactedRequest {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (SECRET_FIELDS.has(name)) fields[name] = REDACTED;
    else if (name === 'input_data') fields[name] = redactInputData(value);
    else fields[name] = value;
  }
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
 * Returns a copy of REG.API's `error_params` with secret keys replaced and every string scrubbed
 * like `error_text`, because REG.API fills the text from these values.
 */
export function redactErrorParams(params: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubText(value, secrets);
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, scrub(inner)]));
    }
    return value;
  };
  return scrub(redactParameters(stripEcho(params))) as Record<string, unknown>;
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
