import { canonicalDomain } from '../idn.js';

/** Fields that name a domain wherever they appear in `input_data`. */
const NAME_FIELDS = new Set(['domain_name', 'dname']);
/** List fields whose elements identify objects by name. */
const LIST_FIELDS = new Set(['domains', 'services', 'lots']);

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return canonicalDomain(value) || value;
  if (Array.isArray(value)) return value.map((item) => canonicalValue(item));
  return value;
}

function canonicalObject(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    copy[key] = NAME_FIELDS.has(key) ? canonicalValue(value) : value;
  }
  return copy;
}

/**
 * Rewrites every domain name of the input into lower-case punycode without a trailing dot. It covers
 * the top level and the elements of `domains`, `services` and `lots`, so the same request never goes
 * out in two spellings.
 */
export function canonicalNames(input: Record<string, unknown>): Record<string, unknown> {
  const copy = canonicalObject(input);
  for (const field of LIST_FIELDS) {
    const list = copy[field];
    if (!Array.isArray(list)) continue;
    copy[field] = list.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? canonicalObject(item as Record<string, unknown>) : item));
  }
  return copy;
}

/** Cache tags for the objects an input names: each domain and each service id. */
export function objectTags(account: string, input: Record<string, unknown>): string[] {
  const tags = new Set<string>();
  const visit = (object: Record<string, unknown>): void => {
    for (const key of ['domain_name', 'dname']) {
      if (typeof object[key] === 'string') tags.add(`${account}:domain:${object[key]}`);
    }
    if (object.service_id !== undefined) tags.add(`${account}:service:${String(object.service_id)}`);
  };
  visit(input);
  for (const field of LIST_FIELDS) {
    const list = input[field];
    if (Array.isArray(list)) list.forEach((item) => item && typeof item === 'object' && visit(item as Record<string, unknown>));
  }
  return [...tags];
}
