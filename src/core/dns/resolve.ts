import { ValidationError } from '../client/errors.js';
import { displayDomain } from '../idn.js';
import { canonicalLabels, isInZone } from './names.js';
import { listZones, noZoneError, pickZone } from './zones.js';
import type { CoreCaller, ResolvedName } from './types.js';

export interface ResolveOptions {
  /**
   * The zone, when the caller names it apart from the record name. `name` may then be relative
   * (`www`, `_dmarc`, `@` or empty for the apex) or the full name.
   */
  zone?: string;
}

/**
 * Splits a record name into (zone, subdomain) using the zones that exist in the account, so
 * `_acme-challenge.www.example.msk.ru` lands in `example.msk.ru` and never in `msk.ru`, and
 * `www.test-example.ru` never in `example.ru`. Accepts Unicode or punycode, any case and a trailing
 * dot. Every rejection is a ValidationError raised before any write is sent.
 */
export async function resolveName(core: CoreCaller, name: string, options: ResolveOptions = {}): Promise<ResolvedName> {
  const zones = await listZones(core);

  if (options.zone !== undefined) {
    const zoneLabels = canonicalLabels(options.zone, 'zone');
    if (zoneLabels.length === 0) {
      throw new ValidationError([{ path: 'zone', message: 'the zone is empty' }], undefined, 'Give the domain whose zone to change, such as example.ru.');
    }
    const zone = zoneLabels.join('.');
    if (!zones.includes(zone)) throw noZoneError(options.zone.trim(), zones);
    return relativeToZone(name, zone);
  }

  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '@') {
    throw new ValidationError(
      [{ path: 'name', message: `"${name}" names no domain` }],
      undefined,
      'Give the full name, such as www.example.ru or example.ru for the apex, or pass the zone separately.',
    );
  }
  const fqdn = canonicalLabels(name).join('.');
  const zone = pickZone(fqdn, zones, name.trim());
  return split(fqdn, zone);
}

function split(fqdn: string, zone: string): ResolvedName {
  const subdomain = fqdn === zone ? '@' : fqdn.slice(0, -(zone.length + 1));
  return { zone, zoneDisplay: displayDomain(zone), subdomain, fqdn };
}

/**
 * Handles a name given with its zone: `@`, empty and the zone name are the apex; a full name below
 * the zone loses the zone suffix once; whatever is left must not end in the zone name again, because
 * REG.API would then create `www.example.ru.example.ru`.
 */
function relativeToZone(name: string, zone: string): ResolvedName {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '@') return split(zone, zone);

  const labels = canonicalLabels(trimmed);
  const joined = labels.join('.');
  let subdomain = joined;
  if (isInZone(joined, zone)) {
    subdomain = joined === zone ? '@' : joined.slice(0, -(zone.length + 1));
  }
  if (subdomain !== '@' && isInZone(subdomain, zone)) {
    throw new ValidationError(
      [{ path: 'name', message: `subdomain "${subdomain}" ends with the zone name ${zone}` }],
      undefined,
      `Give either the full name or only the part before ${zone}; nothing was sent.`,
    );
  }
  const fqdn = subdomain === '@' ? zone : `${subdomain}.${zone}`;
  canonicalLabels(fqdn);
  return { zone, zoneDisplay: displayDomain(zone), subdomain, fqdn };
}
