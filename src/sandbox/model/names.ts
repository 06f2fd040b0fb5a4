import { domainToASCII, domainToUnicode } from 'node:url';

/*
 * Domain names as the sandbox's REG.API reads them. The sandbox keeps its own conversion, apart from
 * the client's, so that a mistake in the client's name handling shows up in tests instead of being
 * repeated on both sides.
 */

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Lower-case punycode without a trailing dot, or an empty string for a name that cannot be converted. */
export function toAsciiName(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '').normalize('NFC').toLowerCase();
  if (trimmed === '') return '';
  return domainToASCII(trimmed);
}

/** The Unicode form REG.API uses in list answers: `пример.рф` for `xn--e1afmkfd.xn--p1ai`. */
export function toUnicodeName(name: string): string {
  const ascii = toAsciiName(name);
  return ascii === '' ? name : domainToUnicode(ascii) || ascii;
}

export type NameCheck =
  | { ok: true; ascii: string; unicode: string; tld: string }
  | { ok: false; code: string };

/** Finds the longest suffix of an ASCII name that is a TLD in `tlds` (ASCII keys), or undefined. */
export function findTld(ascii: string, tlds: ReadonlySet<string>): string | undefined {
  const labels = ascii.split('.');
  for (let start = 1; start < labels.length; start += 1) {
    const suffix = labels.slice(start).join('.');
    if (tlds.has(suffix)) return suffix;
  }
  return undefined;
}

/**
 * Checks a name offered for registration the way `domain/check` does: mixed Latin and Cyrillic in
 * one label gives HAVE_MIXED_CODETABLES, a broken `xn--` label INVALID_DOMAIN_NAME_PUNYCODE, and a
 * malformed name or a TLD outside `tlds` INVALID_DOMAIN_NAME_FORMAT.
 */
export function checkRegistrableName(name: string, tlds: ReadonlySet<string>): NameCheck {
  const trimmed = name.trim().replace(/\.$/, '').normalize('NFC').toLowerCase();
  if (trimmed === '') return { ok: false, code: 'NO_DOMAIN' };
  for (const label of trimmed.split('.')) {
    if (LATIN.test(label) && CYRILLIC.test(label)) return { ok: false, code: 'HAVE_MIXED_CODETABLES' };
    if (label.startsWith('xn--')) {
      const decoded = domainToUnicode(label);
      if (decoded === '' || decoded === label) return { ok: false, code: 'INVALID_DOMAIN_NAME_PUNYCODE' };
      if (LATIN.test(decoded) && CYRILLIC.test(decoded)) return { ok: false, code: 'HAVE_MIXED_CODETABLES' };
    }
  }
  const ascii = domainToASCII(trimmed);
  if (ascii === '' || ascii.length > 253) return { ok: false, code: 'INVALID_DOMAIN_NAME_FORMAT' };
  if (!ascii.split('.').every((label) => ASCII_LABEL.test(label))) return { ok: false, code: 'INVALID_DOMAIN_NAME_FORMAT' };
  const tld = findTld(ascii, tlds);
  if (tld === undefined) return { ok: false, code: 'INVALID_DOMAIN_NAME_FORMAT' };
  return { ok: true, ascii, unicode: domainToUnicode(ascii) || ascii, tld };
}
