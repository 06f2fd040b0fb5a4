import type { Params } from '../protocol.js';
import { usesRegRuNss, type ServiceRecord } from '../model/state.js';
import type { Handler, HandlerContext } from './context.js';
import { answerEach, type ItemResult } from './items.js';

/** Runs `work` on each listed domain; only domains carry DNSSEC. */
function eachDomain(context: HandlerContext, work: (service: ServiceRecord, input: Params) => ItemResult): { domains: Params[] } {
  return {
    domains: answerEach(context, 'domains', (service, input) =>
      service.servtype === 'domain' ? work(service, input) : { error: 'DOMAIN_DOESNT_SUPPORT_DNSSEC' },
    ),
  };
}

function statusOf(service: ServiceRecord): string {
  return service.dnssec?.status ?? 'disabled';
}

/**
 * Builds a method that REG.API runs only for zones on its own name servers. REG.API reports `updating`
 * while the registry takes the change.
 * NOTE: the sandbox applies the change at once, so `get_status` never returns `updating`.
 */
function onRegRuNss(change: (service: ServiceRecord) => void): Handler {
  return (context) =>
    eachDomain(context, (service) => {
      if (!usesRegRuNss(service)) return { error: 'DOMAIN_IS_NOT_USE_REGRU_NSS' };
      change(service);
      return { status: statusOf(service) };
    });
}

/** Makes up a DS record for a zone whose DNSSEC REG.RU runs; its digest is zeros, not a real hash. */
function dsRecord(service: ServiceRecord): string {
  return `${service.dname}. 3600 IN DS ${service.service_id % 65536} 13 2 ${'0'.repeat(64)}`;
}

export const dnssecHandlers: Record<string, Handler> = {
  'dnssec/nop': (context) => eachDomain(context, () => ({})),
  'dnssec/get_status': (context) => eachDomain(context, (service) => ({ status: statusOf(service) })),
  'dnssec/enable': onRegRuNss((service) => {
    service.dnssec = { status: 'enabled', records: [dsRecord(service)] };
  }),
  'dnssec/disable': onRegRuNss((service) => {
    service.dnssec = { status: 'disabled', records: [] };
  }),
  'dnssec/renew_ksk': onRegRuNss(() => undefined),
  'dnssec/renew_zsk': onRegRuNss(() => undefined),
  'dnssec/get_records': (context) => eachDomain(context, (service) => ({ records: [...(service.dnssec?.records ?? [])] })),
  // add_keys passes keys of an outside DNS host to the parent zone, so REG.RU-hosted zones are refused.
  'dnssec/add_keys': (context) =>
    eachDomain(context, (service, input) => {
      if (usesRegRuNss(service)) return { error: 'DOMAIN_USES_REGRU_NSS' };
      const records = Array.isArray(input.records) ? input.records.map(String) : [];
      if (records.some((record) => !/\sIN\s+(DS|DNSKEY)\s/i.test(record))) return { error: 'INVALID_RECORDS' };
      service.dnssec = { status: 'enabled', records };
      return { status: 'enabled' };
    }),
};
