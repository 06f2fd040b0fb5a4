import { createSign, type KeyObject } from 'node:crypto';

/**
 * Collects the values REG.API signs: every request parameter value except `sig`, with `input_data`
 * taken as its parsed structure and flattened through nested objects and arrays. Zero, empty strings,
 * null and undefined are dropped, as REG.API's reference Perl helper does.
 */
export function signatureValues(fields: Record<string, unknown>): string[] {
  const values: string[] = [];
  const walk = (value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (typeof value === 'object') {
      Object.values(value as Record<string, unknown>).forEach(walk);
      return;
    }
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    if (text === '' || text === '0') return;
    values.push(text);
  };
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'sig') continue;
    walk(value);
  }
  return values;
}

/** The text REG.API signs: the values sorted as strings and joined with `;`. */
export function signatureText(fields: Record<string, unknown>): string {
  return signatureValues(fields)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(';');
}

/** Base64 RSA signature over the SHA-512 digest of the signature text. */
export function sign(fields: Record<string, unknown>, key: KeyObject): string {
  const signer = createSign('SHA512');
  signer.update(signatureText(fields), 'utf8');
  return signer.sign(key, 'base64');
}
