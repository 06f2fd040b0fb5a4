import type { Params } from '../protocol.js';
import { toAsciiName, toUnicodeName } from './names.js';
import type { AccountState, ServiceRecord } from './state.js';

/** Parameters that name one service (REG.API's "service identification"). */
export const IDENTIFICATION_KEYS = ['service_id', 'user_servid', 'domain_name', 'dname', 'servtype', 'subtype', 'uplink_service_id'];

export type Resolution =
  | { ok: true; service: ServiceRecord }
  | { ok: false; code: string; params?: Record<string, unknown> };

/** The identification keys present in `source`, echoed back in list answers. */
export function identificationOf(source: Params): Params {
  const echo: Params = {};
  for (const key of IDENTIFICATION_KEYS) if (source[key] !== undefined) echo[key] = source[key];
  return echo;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * Returns the objects a list-capable call works on: the elements of `params[field]` when it is a list,
 * otherwise one object made of the top-level identification. That object may be empty, and then it
 * resolves to NO_DOMAIN.
 */
export function listObjects(params: Params, field: string): Params[] {
  const list = params[field];
  if (Array.isArray(list)) {
    return list.map((element) => (element !== null && typeof element === 'object' ? (element as Params) : { dname: element }));
  }
  return [identificationOf(params)];
}

/** True when `params` carries a list in `field` or any top-level identification. */
export function hasIdentification(params: Params): boolean {
  return IDENTIFICATION_KEYS.some((key) => key !== 'servtype' && key !== 'subtype' && text(params[key]) !== '');
}

/**
 * Finds the live (not deleted) service an identification names. A name without servtype means the
 * domain itself. Errors: INVALID_SERVICE_ID for a non-numeric id, NO_DOMAIN when nothing identifies a
 * service, and a not-found code that fits the key used.
 */
export function resolveService(account: AccountState, ident: Params, defaultServtype = 'domain'): Resolution {
  const live = account.services.filter((service) => service.state !== 'D');

  const serviceId = text(ident.service_id);
  if (serviceId !== '') {
    if (!/^\d+$/.test(serviceId)) return { ok: false, code: 'INVALID_SERVICE_ID' };
    const service = live.find((candidate) => candidate.service_id === Number(serviceId));
    return service ? { ok: true, service } : { ok: false, code: 'SERVICE_ID_NOT_FOUND', params: { service_id: serviceId } };
  }

  const userServid = text(ident.user_servid);
  if (userServid !== '') {
    const service = live.find((candidate) => candidate.user_servid === userServid);
    return service ? { ok: true, service } : { ok: false, code: 'SERVICE_NOT_FOUND', params: { user_servid: userServid } };
  }

  const servtype = text(ident.servtype) || defaultServtype;
  const uplink = text(ident.uplink_service_id);
  if (uplink !== '') {
    const subtype = text(ident.subtype);
    const service = live.find(
      (candidate) =>
        String(candidate.uplink_service_id) === uplink &&
        candidate.servtype === servtype &&
        (subtype === '' || candidate.subtype === subtype),
    );
    return service ? { ok: true, service } : { ok: false, code: 'SERVICE_NOT_FOUND' };
  }

  const name = text(ident.domain_name) || text(ident.dname);
  if (name === '') return { ok: false, code: 'NO_DOMAIN' };
  const ascii = toAsciiName(name);
  if (ascii === '') return { ok: false, code: 'INVALID_DOMAIN_NAME_FORMAT', params: { domain_name: name } };
  const service = live.find((candidate) => candidate.dname === ascii && candidate.servtype === servtype);
  if (service) return { ok: true, service };
  return servtype === 'domain'
    ? { ok: false, code: 'DOMAIN_NOT_FOUND', params: { domain_name: toUnicodeName(ascii) } }
    : { ok: false, code: 'SERVICE_NOT_FOUND' };
}

/** How a service appears in list answers: ids as strings and names in Unicode, as real accounts answer. */
export function serviceSummary(service: ServiceRecord): Params {
  return { dname: toUnicodeName(service.dname), service_id: String(service.service_id), servtype: service.servtype };
}
