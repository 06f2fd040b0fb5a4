import { ValidationError } from '../../client/errors.js';
import { canonicalLabels, isInZone } from '../../dns/names.js';
import { canonicalDomain } from '../../idn.js';

/**
 * Brings a `subdomain` argument into the form REG.API expects relative to `zones`: empty and the
 * zone name itself become `@` (REG.API would otherwise store `example.ru.example.ru`), labels are
 * canonical, and a subdomain that still ends in the zone name is rejected. Throws ValidationError.
 */
export function normalizeSubdomain(value: unknown, zones: readonly string[], field: string): string {
  let raw = '';
  if (typeof value === 'string') raw = value.trim();
  else if (value !== undefined) raw = String(value);
  if (raw === '' || raw === '@') return '@';

  const labels = canonicalLabels(raw, field);
  const joined = labels.join('.');
  if (zones.length > 0 && zones.every((zone) => joined === zone)) return '@';
  const clash = zones.find((zone) => isInZone(joined, zone));
  if (clash !== undefined) {
    throw new ValidationError(
      [{ path: field, message: `subdomain "${raw}" ends with the zone name ${clash}` }],
      undefined,
      `Give only the part before ${clash} (such as _acme-challenge), or "@" for the apex; nothing was sent.`,
    );
  }
  return joined;
}

function canonicalName(value: unknown, field: string): string {
  const name = typeof value === 'string' ? value : '';
  const canonical = canonicalDomain(name);
  if (canonical === '') {
    throw new ValidationError(
      [{ path: field, message: `domain name ${JSON.stringify(value ?? '')} is empty or invalid` }],
      undefined,
      'Name the zone as a domain such as example.ru; nothing was sent.',
    );
  }
  canonicalLabels(canonical, field);
  return canonical;
}

/** Collects the zones a zone/* input names, in canonical form; the field paths in errors name each position. */
export function zonesOf(input: Record<string, unknown>): string[] {
  const zones: string[] = [];
  for (const field of ['domain_name', 'dname'] as const) {
    if (input[field] !== undefined) zones.push(canonicalName(input[field], field));
  }
  if (Array.isArray(input.domains)) {
    input.domains.forEach((item, index) => {
      if (item === null || typeof item !== 'object') return;
      const entry = item as Record<string, unknown>;
      for (const field of ['dname', 'domain_name'] as const) {
        if (field in entry) zones.push(canonicalName(entry[field], `domains.${index}.${field}`));
      }
    });
  }
  return zones;
}

function normalizeActions(actions: unknown, zones: readonly string[], prefix: string): unknown {
  if (!Array.isArray(actions)) return actions;
  return actions.map((action, index) => {
    if (action === null || typeof action !== 'object') return action;
    const copy = { ...(action as Record<string, unknown>) };
    if ('subdomain' in copy) copy.subdomain = normalizeSubdomain(copy.subdomain, zones, `${prefix}.${index}.subdomain`);
    return copy;
  });
}

/**
 * Returns a zone/* write input as it will be sent: domain names canonical (punycode, lower case, no
 * trailing dot), `subdomain` normalised against the zones, the same for every `action_list` entry.
 * Rejects an empty `dname` and a subdomain that repeats the zone name, before anything is sent.
 */
export function normalizeZoneInput(input: Record<string, unknown>): Record<string, unknown> {
  const zones = zonesOf(input);
  const copy: Record<string, unknown> = { ...input };
  for (const field of ['domain_name', 'dname'] as const) {
    if (copy[field] !== undefined) copy[field] = canonicalName(copy[field], field);
  }
  if (Array.isArray(copy.domains)) {
    copy.domains = copy.domains.map((item, index) => {
      if (item === null || typeof item !== 'object') return item;
      const entry = { ...(item as Record<string, unknown>) };
      for (const field of ['dname', 'domain_name'] as const) {
        if (field in entry) entry[field] = canonicalName(entry[field], `domains.${index}.${field}`);
      }
      const own = [entry.dname ?? entry.domain_name].filter((name): name is string => typeof name === 'string');
      if ('action_list' in entry) entry.action_list = normalizeActions(entry.action_list, own, `domains.${index}.action_list`);
      return entry;
    });
  }
  if ('subdomain' in copy) copy.subdomain = normalizeSubdomain(copy.subdomain, zones, 'subdomain');
  if ('action_list' in copy) copy.action_list = normalizeActions(copy.action_list, zones, 'action_list');
  return copy;
}
