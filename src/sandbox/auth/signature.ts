import { createPublicKey, verify } from 'node:crypto';

/** Adds the scalar values inside `value` to `out`, walking objects and lists depth first. */
function collectValues(value: unknown, out: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const inner of value) collectValues(inner, out);
    return;
  }
  if (typeof value === 'object') {
    for (const inner of Object.values(value)) collectValues(inner, out);
    return;
  }
  if (typeof value === 'boolean') {
    // Perl's JSON decoder turns true into 1 and false into 0, and 0 is dropped below.
    if (value) out.push('1');
    return;
  }
  out.push(String(value));
}

/**
 * Builds the text REG.API signs for `sig` authentication. It takes every parameter value except `sig`
 * itself, with input_data read as its parsed JSON values rather than as the JSON string. Values `0` and
 * empty strings are dropped, the rest are sorted as strings by code unit and joined with `;`, and the
 * username is one of them. Example from the REG.API documentation: values
 * `test, plain, 1, qqq.ru, 1, 2, 3` give `1;1;2;3;plain;qqq.ru;test`.
 */
export function signedText(fields: Record<string, string | string[]>, inputData?: Record<string, unknown>): string {
  const values: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'sig') continue;
    if (key === 'input_data' && inputData !== undefined) continue;
    collectValues(value, values);
  }
  if (inputData !== undefined) collectValues(inputData, values);
  return values
    .filter((value) => value !== '' && value !== '0')
    .sort()
    .join(';');
}

/** True when `sig` (base64) is a valid RSA-SHA512 signature of `text` under the key or certificate in `publicKeyPem`. */
export function verifySignature(text: string, sig: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    return verify('sha512', Buffer.from(text, 'utf8'), key, Buffer.from(sig, 'base64'));
  } catch {
    // A malformed signature or key is a failed verification, not a server error.
    return false;
  }
}
