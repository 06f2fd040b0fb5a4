import { ValidationError } from '../client/errors.js';
import { canonicalDomain, displayDomain } from '../idn.js';
import { isInZone } from './names.js';
import type { CoreCaller } from './types.js';

/** How many zone names an error message lists before it stops. */
const ZONES_SHOWN_IN_ERRORS = 10;

function servicesOf(answer: unknown): Record<string, unknown>[] {
  if (answer === null || typeof answer !== 'object') return [];
  const services = (answer as { services?: unknown }).services;
  return Array.isArray(services) ? services.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : [];
}

/**
 * Lists the account's domains in canonical form, longest first. REG.API returns IDN names in
 * Unicode (`пример.рф`), so every name is converted before it is compared. The read goes through
 * the core, which caches `service/get_list` answers in the store.
 */
export async function listZones(core: CoreCaller): Promise<string[]> {
  const result = await core.call('service/get_list', { servtype: 'domain' });
  const zones = new Set<string>();
  for (const service of servicesOf(result.answer)) {
    if (service.servtype !== undefined && service.servtype !== 'domain') continue;
    const dname = typeof service.dname === 'string' ? canonicalDomain(service.dname) : '';
    if (dname !== '') zones.add(dname);
  }
  return [...zones].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/**
 * Picks the zone for a canonical full name: the longest account zone that is the name itself or a
 * suffix on a label boundary. Throws "no zone in this account for NAME" when none matches.
 */
export function pickZone(fqdn: string, zones: readonly string[], shownName: string): string {
  let best: string | undefined;
  for (const zone of zones) {
    if (isInZone(fqdn, zone) && (best === undefined || zone.length > best.length)) best = zone;
  }
  if (best !== undefined) return best;
  throw noZoneError(shownName, zones);
}

/** The error for a name that lies outside every zone of the account; nothing has been sent. */
export function noZoneError(shownName: string, zones: readonly string[]): ValidationError {
  const listed = zones.slice(0, ZONES_SHOWN_IN_ERRORS).map(displayDomain).join(', ');
  const more = zones.length > ZONES_SHOWN_IN_ERRORS ? ` and ${zones.length - ZONES_SHOWN_IN_ERRORS} more` : '';
  const hint =
    zones.length === 0
      ? 'This account has no domains; nothing was sent.'
      : `Check the spelling; the account's zones are ${listed}${more}. Nothing was sent.`;
  return new ValidationError([{ path: 'name', message: `no zone in this account for ${shownName}` }], undefined, hint);
}
