import { ApiError, type Params } from '../protocol.js';
import { emptyZone, usesRegRuNss, type ServiceRecord, type ZoneRecord, type ZoneState } from '../model/state.js';
import type { Handler, HandlerContext } from './context.js';
import { answerEach, type ItemResult } from './items.js';
import { buildRecord, missingParam, removeRecords } from './zone-records.js';

/** Fixed A records that web-forwarding and parking put into a zone; addresses from the documentation range. */
const FORWARDING_RECORDS: readonly ZoneRecord[] = [
  { subname: '@', rectype: 'A', content: '192.0.2.10', prio: null },
  { subname: 'www', rectype: 'A', content: '192.0.2.10', prio: null },
];
const PARKING_RECORDS: readonly ZoneRecord[] = [
  { subname: '@', rectype: 'A', content: '192.0.2.20', prio: null },
  { subname: 'www', rectype: 'A', content: '192.0.2.20', prio: null },
];

/** Runs `work` on the zone of each listed domain; a domain off REG.RU's name servers has no zone to change. */
function eachZone(context: HandlerContext, work: (zone: ZoneState, service: ServiceRecord, input: Params) => ItemResult): { domains: Params[] } {
  const domains = answerEach(context, 'domains', (service, input) => {
    if (service.servtype !== 'domain' || !usesRegRuNss(service)) return { error: 'DOMAIN_IS_NOT_USE_REGRU_NSS' };
    const zone = context.account.zones.get(service.dname) ?? emptyZone();
    context.account.zones.set(service.dname, zone);
    return work(zone, service, input);
  });
  return { domains };
}

/** A `zone/add_*` method: one record appended to each zone. A record equal to an existing one is appended again, as REG.API does. */
function addRecordHandler(action: string): Handler {
  return (context) => {
    const missing = missingParam(action, context.params);
    if (missing !== undefined) throw new ApiError('PARAMETER_MISSING', { param: missing });
    return eachZone(context, (zone) => {
      const built = buildRecord(action, context.params);
      if (!built.ok) return { error: built.code, params: built.params };
      zone.records.push({ ...built.record });
      return {};
    });
  };
}

/** A method that drops the fixed records of a feature from each zone and then adds `add` (empty to clear). */
function fixedRecordsHandler(remove: readonly ZoneRecord[], add: readonly ZoneRecord[]): Handler {
  return (context) =>
    eachZone(context, (zone) => {
      zone.records = zone.records.filter(
        (record) => !remove.some((fixed) => fixed.subname === record.subname && fixed.rectype === record.rectype),
      );
      zone.records.push(...add.map((fixed) => ({ ...fixed })));
      return {};
    });
}

const removeRecord: Handler = (context) => {
  const missing = missingParam('remove_record', context.params);
  if (missing !== undefined) throw new ApiError('PARAMETER_MISSING', { param: missing });
  return eachZone(context, (zone) => {
    removeRecords(zone.records, context.params);
    return {};
  });
};

const getResourceRecords: Handler = (context) =>
  eachZone(context, (zone) => ({
    rrs: zone.records.map((record) => ({ ...record, state: 'A' })),
    soa: { ...zone.soa },
  }));

/** Applies a list of add/remove actions in order and stops at the first failure; earlier actions stay applied. */
function applyActions(zone: ZoneState, actions: unknown): ItemResult {
  if (!Array.isArray(actions) || actions.length === 0) return { error: 'PARAMETER_MISSING', params: { param: 'action_list' } };
  const results: Params[] = [];
  for (const entry of actions) {
    const action = entry !== null && typeof entry === 'object' ? (entry as Params) : {};
    const name = String(action.action ?? '');
    let failure: { code: string; params?: Record<string, unknown> } | undefined;
    if (name === 'remove_record') {
      const missing = missingParam(name, action);
      if (missing !== undefined) failure = { code: 'PARAMETER_MISSING', params: { param: missing } };
      else removeRecords(zone.records, action);
    } else {
      const built = buildRecord(name, action);
      if (built.ok) zone.records.push({ ...built.record });
      else failure = { code: built.code, params: built.params };
    }
    if (failure) {
      results.push({ action: name, result: 'error', error_code: failure.code });
      // A failed domain still reports how far its action list got.
      return { error: failure.code, params: failure.params, extra: { action_list: results } };
    }
    results.push({ action: name, result: 'success' });
  }
  return { action_list: results };
}

const updateRecords: Handler = (context) => {
  const common = context.params.action_list;
  const perDomain = Array.isArray(context.params.domains) && context.params.domains.some((item) => (item as Params)?.action_list !== undefined);
  if (common === undefined && !perDomain) throw new ApiError('PARAMETER_MISSING', { param: 'action_list' });
  return eachZone(context, (zone, _service, input) => applyActions(zone, input.action_list ?? common));
};

const SOA_VALUE = /^\d+[smhdw]?$/;

const updateSoa: Handler = (context) => {
  for (const param of ['ttl', 'minimum_ttl']) {
    if (context.params[param] === undefined) throw new ApiError('PARAMETER_MISSING', { param });
  }
  const ttl = String(context.params.ttl);
  const minimum = String(context.params.minimum_ttl);
  return eachZone(context, (zone) => {
    if (!SOA_VALUE.test(ttl) || !SOA_VALUE.test(minimum)) return { error: 'SOA_RECORD_INVALID' };
    zone.soa = { ttl, minimum_ttl: minimum };
    return {};
  });
};

export const zoneHandlers: Record<string, Handler> = {
  'zone/nop': (context) => eachZone(context, () => ({})),
  'zone/add_alias': addRecordHandler('add_alias'),
  'zone/add_aaaa': addRecordHandler('add_aaaa'),
  'zone/add_caa': addRecordHandler('add_caa'),
  'zone/add_cname': addRecordHandler('add_cname'),
  'zone/add_https': addRecordHandler('add_https'),
  'zone/add_mx': addRecordHandler('add_mx'),
  'zone/add_ns': addRecordHandler('add_ns'),
  'zone/add_txt': addRecordHandler('add_txt'),
  'zone/add_spf': addRecordHandler('add_spf'),
  'zone/add_srv': addRecordHandler('add_srv'),
  'zone/remove_record': removeRecord,
  'zone/get_resource_records': getResourceRecords,
  'zone/update_records': updateRecords,
  'zone/update_soa': updateSoa,
  'zone/clear': (context) =>
    eachZone(context, (zone) => {
      zone.records = emptyZone().records;
      return {};
    }),
  'zone/tune_forwarding': fixedRecordsHandler(FORWARDING_RECORDS, FORWARDING_RECORDS),
  'zone/clear_forwarding': fixedRecordsHandler(FORWARDING_RECORDS, []),
  'zone/tune_parking': fixedRecordsHandler(PARKING_RECORDS, PARKING_RECORDS),
  'zone/clear_parking': fixedRecordsHandler(PARKING_RECORDS, []),
};
