import { canonicalDomain, displayDomain } from '../../idn.js';

/** The objects an input names, in the order it names them. */
export interface Targets {
  /** Domain names in canonical form. */
  domains: string[];
  serviceIds: string[];
  billIds: string[];
  folders: string[];
  /** Other naming fields (`user_login`, `lot_id`, ...), shown as `field value`. */
  others: string[];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function addDomain(targets: Targets, value: unknown): void {
  const name = text(value);
  if (name === undefined) return;
  const canonical = canonicalDomain(name) || name;
  if (!targets.domains.includes(canonical)) targets.domains.push(canonical);
}

function addTo(list: string[], value: unknown): void {
  const id = text(value);
  if (id !== undefined && !list.includes(id)) list.push(id);
}

function collectObject(targets: Targets, item: Record<string, unknown>): void {
  addDomain(targets, item.domain_name);
  addDomain(targets, item.dname);
  addTo(targets.serviceIds, item.service_id);
}

const OTHER_NAMING_FIELDS = ['user_login', 'lot_id', 'newlogin', 'new_user_name', 'id'];

/** Collects what an input names: `domain_name`/`dname`, `service_id`, and the `domains`, `services` and `bills` lists. */
export function targetsOf(input: Record<string, unknown>): Targets {
  const targets: Targets = { domains: [], serviceIds: [], billIds: [], folders: [], others: [] };
  collectObject(targets, input);
  for (const field of ['domains', 'services'] as const) {
    const list = input[field];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (item !== null && typeof item === 'object') collectObject(targets, item as Record<string, unknown>);
      else addDomain(targets, item);
    }
  }
  addTo(targets.billIds, input.bill_id);
  if (Array.isArray(input.bills)) {
    for (const bill of input.bills) {
      addTo(targets.billIds, bill !== null && typeof bill === 'object' ? (bill as Record<string, unknown>).bill_id : bill);
    }
  }
  addTo(targets.folders, input.folder_name ?? input.folder_id);
  for (const field of OTHER_NAMING_FIELDS) {
    const value = text(input[field]);
    if (value !== undefined) targets.others.push(`${field} ${value}`);
  }
  return targets;
}

/** Describes each target for people: both forms of a domain, `service 12345`, `bill 1234`. */
export function describeTargets(targets: Targets): string[] {
  return [
    ...targets.domains.map(displayDomain),
    ...targets.serviceIds.map((id) => `service ${id}`),
    ...targets.billIds.map((id) => `bill ${id}`),
    ...targets.folders.map((folder) => `folder ${folder}`),
    ...targets.others,
  ];
}

/**
 * The value a person types to confirm: the first domain (shown in both forms), else the first
 * service id, bill id, folder or other name, else the method path.
 */
export function confirmationFor(targets: Targets, path: string): string {
  if (targets.domains.length > 0) return displayDomain(targets.domains[0]);
  return targets.serviceIds[0] ?? targets.billIds[0] ?? targets.folders[0] ?? targets.others[0]?.split(' ').slice(1).join(' ') ?? path;
}

/**
 * True when what a person typed names the confirmation value. Domains match in either form, in any
 * case and with a trailing dot (`ПРИМЕР.РФ.` matches `пример.рф (xn--e1afmkfd.xn--p1ai)`); other
 * values must match exactly after trimming.
 */
export function matchesConfirmation(confirmWith: string, typed: string): boolean {
  const given = typed.trim();
  if (given === '') return false;
  if (given === confirmWith.trim()) return true;
  const both = /^(.*) \(([^()]+)\)$/.exec(confirmWith.trim());
  const candidates = both ? [both[1], both[2]] : [confirmWith.trim()];
  const canonicalGiven = canonicalDomain(given);
  return candidates.some((candidate) => candidate === given || (canonicalGiven !== '' && canonicalDomain(candidate) === canonicalGiven && /[.]/.test(candidate)));
}
