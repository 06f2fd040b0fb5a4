import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Domain names arrive as Unicode (`пример.рф`), punycode (`xn--e1afmkfd.xn--p1ai`), in any case and
 * with a trailing dot. regapi2 compares and sends one canonical form, lower-case punycode, because
 * REG.API answers lists in Unicode while some error texts use punycode, and clients that compared the
 * two forms as strings broke in both directions.
 */

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function stripTrailingDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** Returns lower-case punycode without a trailing dot, or an empty string when the name is not valid. */
export function toAscii(name: string): string {
  const trimmed = stripTrailingDot(name.trim()).normalize('NFC').toLowerCase();
  if (trimmed === '') return '';
  // domainToASCII rejects labels starting with `_`, which DNS record names use (`_acme-challenge`);
  // such labels are ASCII already, so only the other labels go through the IDNA conversion.
  const given = trimmed.split('.');
  const labels = given.map((label) => (/^[\x21-\x7e]*$/.test(label) ? label : domainToASCII(label)));
  // domainToASCII returns '' for a label it cannot convert (a space, a control character), and the
  // labels left would name another domain, so "ex ample.ru" would become ".ru".
  if (labels.some((label, index) => label === '' && given[index] !== '')) return '';
  return labels.join('.');
}

/** Returns the Unicode form of a name given in either form. */
export function toUnicode(name: string): string {
  const ascii = toAscii(name);
  if (ascii === '') return '';
  return ascii
    .split('.')
    .map((label) => (label.startsWith('xn--') ? domainToUnicode(label) || label : label))
    .join('.');
}

/** The one form regapi2 sends and compares: lower-case punycode, no trailing dot. */
export function canonicalDomain(name: string): string {
  return toAscii(name);
}

/** Both forms for people, `пример.рф (xn--e1afmkfd.xn--p1ai)`, or the name alone when it is ASCII. */
export function displayDomain(name: string): string {
  const ascii = toAscii(name);
  const unicode = toUnicode(name);
  return unicode !== ascii && unicode !== '' ? `${unicode} (${ascii})` : ascii || name;
}

/** True when one label mixes Latin and Cyrillic letters, which REG.API refuses as HAVE_MIXED_CODETABLES. */
export function isMixedScript(name: string): boolean {
  return toUnicode(name)
    .split('.')
    .some((label) => LATIN.test(label) && CYRILLIC.test(label));
}

/** True when the name is a syntactically valid domain name (labels of 1–63 characters, 253 in all). */
export function isValidDomainName(name: string): boolean {
  const ascii = toAscii(name);
  if (ascii === '' || ascii.length > 253) return false;
  return ascii.split('.').every((label) => label.length >= 1 && label.length <= 63 && /^[a-z0-9_](?:[a-z0-9-_]*[a-z0-9_])?$/.test(label));
}
