import { domainToASCII } from 'node:url';
import { ValidationError } from '../client/errors.js';

/** RFC 1035 limits: 63 octets per label, 253 characters for the whole name without the final dot. */
const MAX_LABEL_LENGTH = 63;
const MAX_NAME_LENGTH = 253;

/**
 * Letters, digits and hyphens, plus the underscore that service labels use (`_dmarc`,
 * `_acme-challenge`); a label `*` is a wildcard. Checked after conversion to punycode.
 */
const LABEL_PATTERN = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)$/;

function invalid(field: string, message: string, hint?: string): ValidationError {
  return new ValidationError([{ path: field, message }], undefined, hint);
}

/**
 * Converts one label to lower-case punycode. ASCII labels pass unchanged (apart from case) because
 * node's IDNA conversion rejects the leading underscore of service labels.
 */
function labelToAscii(label: string): string {
  const lower = label.normalize('NFC').toLowerCase();
  if (/^[\x21-\x7e]*$/.test(lower)) return lower;
  return domainToASCII(lower);
}

/**
 * Splits a DNS name into canonical labels (lower-case punycode), accepting Unicode or punycode, any
 * case and one trailing dot. Throws a ValidationError naming the bad label: empty labels, labels over
 * 63 characters, characters DNS does not allow. An empty name returns an empty list.
 */
export function canonicalLabels(name: string, field = 'name'): string[] {
  const trimmed = name.trim();
  const withoutDot = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  if (withoutDot === '') return [];

  const labels = withoutDot.split('.').map((label, position) => {
    if (label === '') {
      throw invalid(field, `"${name}" has an empty label at position ${position + 1}`, 'Remove the doubled or leading dot.');
    }
    const ascii = labelToAscii(label);
    if (ascii.length > MAX_LABEL_LENGTH || (ascii === '' && label.length > MAX_LABEL_LENGTH)) {
      throw invalid(
        field,
        `label "${label}" in "${name}" is ${Math.max(ascii.length, label.length)} characters long; DNS allows at most ${MAX_LABEL_LENGTH}`,
        'Shorten the label; nothing was sent to REG.API.',
      );
    }
    if (!LABEL_PATTERN.test(ascii)) {
      throw invalid(
        field,
        `label "${label}" in "${name}" is not a valid DNS label`,
        'Use letters, digits, hyphens and underscores (a label may not start or end with a hyphen), or "*" for a wildcard.',
      );
    }
    return ascii;
  });

  if (labels.join('.').length > MAX_NAME_LENGTH) {
    throw invalid(field, `"${name}" is longer than ${MAX_NAME_LENGTH} characters`, 'Use a shorter name.');
  }
  if (labels.slice(1).includes('*')) {
    throw invalid(field, `"${name}" has a wildcard "*" that is not the first label`, 'Put "*" only as the leftmost label, as in *.example.ru.');
  }
  return labels;
}

/** True when `name` is `zone` itself or lies below it on a label boundary (`a.example.ru`, never `test-example.ru`). */
export function isInZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}
