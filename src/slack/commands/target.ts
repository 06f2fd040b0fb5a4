import { canonicalDomain, displayDomain, isValidDomainName } from '../../core/idn.js';

/** A domain or service named in a command: `renew` and `dns` take either. */
export type ServiceTarget = { kind: 'service'; serviceId: string } | { kind: 'domain'; domain: string; display: string };

/** Reads a service id (digits only) or a domain name in Unicode or punycode; undefined when it is neither. */
export function readServiceTarget(text: string): ServiceTarget | undefined {
  const trimmed = text.trim();
  if (/^\d{1,18}$/.test(trimmed)) return { kind: 'service', serviceId: trimmed };
  const domain = readDomain(trimmed);
  return domain ? { kind: 'domain', domain, display: displayDomain(domain) } : undefined;
}

/** The canonical form of a domain name (lower-case punycode, no trailing dot), or undefined when invalid. */
export function readDomain(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.includes('.') || !isValidDomainName(trimmed)) return undefined;
  return canonicalDomain(trimmed);
}
