import { RegApiError } from '../client/errors.js';
import { readZones, sameRecord } from '../dns/index.js';
import { backoffDelay, operationError } from './classify.js';
import { backToPerson, journal, transition, type OperationsContext } from './context.js';
import type { OperationRecord, ReconcileOutcome } from './types.js';

/** Error codes that mean the looked-up object does not exist. */
const NOT_FOUND_CODES = new Set(['SERVICE_NOT_FOUND', 'SERVICE_ID_NOT_FOUND', 'DOMAIN_NOT_FOUND', 'NO_DOMAIN', 'DOMAINS_NOT_FOUND']);

/** The result of a lookup for an operation whose outcome was unknown. */
type Finding =
  | { verdict: 'done'; state: 'done' | 'done_unpaid'; evidence: Record<string, unknown>; finding: string }
  | { verdict: 'not_executed'; evidence: Record<string, unknown>; finding: string }
  | { verdict: 'undecided'; evidence: Record<string, unknown>; finding: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRenewal(path: string): boolean {
  return path.endsWith('/renew');
}

/** Returns the services listed in a `service/get_info` result. */
function servicesOf(answer: unknown): Record<string, unknown>[] {
  const services = isRecord(answer) && Array.isArray(answer.services) ? answer.services : [];
  return services.filter(isRecord);
}

/** Fields of a single-object request that name the service it acts on, as `service/get_info` takes them. */
const SERVICE_NAMING_KEYS = ['service_id', 'user_servid', 'domain_name', 'dname', 'servtype', 'subtype', 'uplink_service_id'];

/**
 * Returns the `service/get_info` input that finds the one service a renewal names, by `service_id`
 * or by name. Returns undefined for a renewal of a `domains` or `services` list.
 */
function renewedServiceQuery(sent: Record<string, unknown>): Record<string, unknown> | undefined {
  const query = Object.fromEntries(SERVICE_NAMING_KEYS.filter((key) => sent[key] !== undefined).map((key) => [key, sent[key]]));
  const namesOne = ['service_id', 'user_servid', 'domain_name', 'dname', 'uplink_service_id'].some((key) => query[key] !== undefined);
  return namesOne ? query : undefined;
}

/**
 * Records what the reconciler needs to compare against later, before a send that it could not
 * otherwise judge: a renewal's service id and expiration date. Returns undefined when nothing is
 * needed or the lookup failed; a failed lookup only makes a later reconciliation hand the case to a
 * person.
 */
export async function evidenceBeforeSend(
  context: OperationsContext,
  operation: OperationRecord,
  sent: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const query = isRenewal(operation.path) ? renewedServiceQuery(sent) : undefined;
  if (!query) return undefined;
  try {
    const info = await context.core.call('service/get_info', query, { fresh: true, operationId: operation.id });
    const service = servicesOf(info.answer)[0];
    return service ? { service_id: service.service_id ?? sent.service_id, expiration_date: service.expiration_date ?? null } : undefined;
  } catch (error) {
    context.logger.warn({ err: error, operationId: operation.id }, 'could not read the expiration date before a renewal');
    return undefined;
  }
}

/** Looks an order up by its `user_servid`: `service/get_info` finds it exactly when the order went through. */
async function lookUpOrder(context: OperationsContext, operation: OperationRecord, userServid: string): Promise<Finding> {
  try {
    const info = await context.core.call('service/get_info', { user_servid: userServid }, { fresh: true, operationId: operation.id });
    const service = servicesOf(info.answer).find((item) => item.user_servid === undefined || item.user_servid === userServid);
    if (!service) {
      return { verdict: 'not_executed', evidence: { user_servid: userServid, services: [] }, finding: `no service with user_servid ${userServid} exists` };
    }
    const evidence = { user_servid: userServid, service_id: service.service_id, state: service.state, dname: service.dname };
    const unpaid = service.state === 'N';
    return {
      verdict: 'done',
      state: unpaid ? 'done_unpaid' : 'done',
      evidence,
      finding: `service ${String(service.service_id)} with user_servid ${userServid} exists${unpaid ? ' and waits for payment' : ''}`,
    };
  } catch (error) {
    if (error instanceof RegApiError && NOT_FOUND_CODES.has(error.code)) {
      return { verdict: 'not_executed', evidence: { user_servid: userServid, lookupError: error.code }, finding: `REG.API has no service with user_servid ${userServid} (${error.code})` };
    }
    throw error;
  }
}

/** Checks the zone: a DNS change is done when every record it adds is there and every record it removes is gone. */
async function lookUpZone(context: OperationsContext, operation: OperationRecord): Promise<Finding> {
  const dns = operation.preview!.dns!;
  // A preview of several zones joins their names with ", " and names each record in full.
  const zones = dns.zone.split(', ');
  const current = await readZones(context.core, zones, { fresh: true });
  const records = zones.flatMap((zone) =>
    (current.get(zone) ?? []).map((record) => (zones.length === 1 ? record : { ...record, subname: record.subname === '@' ? zone : `${record.subname}.${zone}` })),
  );
  const addedPresent = dns.added.filter((wanted) => records.some((record) => sameRecord(record, wanted)));
  const removedPresent = dns.removed.filter((gone) => records.some((record) => sameRecord(record, gone)));
  const evidence = { zone: dns.zone, addedPresent: addedPresent.length, added: dns.added.length, removedStillPresent: removedPresent.length, removed: dns.removed.length };

  if (addedPresent.length === dns.added.length && removedPresent.length === 0) {
    return { verdict: 'done', state: 'done', evidence, finding: `zone ${dns.zone} already shows the change` };
  }
  if (addedPresent.length === 0 && removedPresent.length === dns.removed.length) {
    return { verdict: 'not_executed', evidence, finding: `zone ${dns.zone} does not show the change` };
  }
  return { verdict: 'undecided', evidence, finding: `zone ${dns.zone} shows only part of the change` };
}

/** Checks a renewal: it is done when the expiration date moved past the one read before the send. */
async function lookUpRenewal(context: OperationsContext, operation: OperationRecord, sent: Record<string, unknown>, before: Record<string, unknown>): Promise<Finding> {
  // The service id read before the send also covers a renewal that named the service by domain.
  const serviceId = before.service_id ?? sent.service_id;
  const info = await context.core.call('service/get_info', { service_id: serviceId }, { fresh: true, operationId: operation.id });
  const service = servicesOf(info.answer)[0];
  const after = service?.expiration_date ?? null;
  const evidence = { service_id: serviceId, expirationBefore: before.expiration_date, expirationAfter: after };
  if (typeof after === 'string' && typeof before.expiration_date === 'string' && after > before.expiration_date) {
    return { verdict: 'done', state: 'done', evidence, finding: `the expiration date moved from ${before.expiration_date} to ${after}` };
  }
  return {
    verdict: 'undecided',
    evidence,
    finding: `the expiration date is unchanged (${String(after)}), but the renewal may have created an unpaid bill`,
  };
}

/** Picks the lookup for an operation, from what its last attempt sent. */
async function lookUp(context: OperationsContext, operation: OperationRecord): Promise<Finding> {
  const requests = (await context.store.listJournal(operation.id)).filter((entry) => entry.kind === 'request');
  const last = requests.at(-1);
  if (!last) {
    return { verdict: 'not_executed', evidence: { requests: 0 }, finding: 'the journal shows no request was sent' };
  }
  if (last.data.attempt !== operation.attempts) {
    // The attempt counter is written before the request is journaled, and the request is journaled
    // before it is sent: a newer attempt without its journal entry never left this machine.
    return { verdict: 'not_executed', evidence: { attempts: operation.attempts, lastJournaledAttempt: last.data.attempt }, finding: `attempt ${operation.attempts} was never sent` };
  }
  const sent = isRecord(last.data.input) ? last.data.input : {};
  if (typeof sent.user_servid === 'string') return lookUpOrder(context, operation, sent.user_servid);
  if (operation.path.startsWith('zone/') && operation.preview?.dns) return lookUpZone(context, operation);
  if (isRenewal(operation.path) && isRecord(last.data.before)) return lookUpRenewal(context, operation, sent, last.data.before);
  return { verdict: 'undecided', evidence: { path: operation.path }, finding: `regapi2 has no lookup that shows whether ${operation.path} went through` };
}

/**
 * Decides one operation in `outcome_unknown` by looking its result up, and never by sending it
 * again. Found → done; provably not executed → queued again (orders carry `user_servid`, so a
 * resend cannot create a second service). What the lookup cannot decide goes back to a person as
 * `awaiting_approval` with a warning naming what to check; approving it sends it again.
 * A failed lookup leaves the operation in `outcome_unknown` and tries again after a backoff.
 */
export async function reconcileOne(context: OperationsContext, operation: OperationRecord): Promise<ReconcileOutcome> {
  let finding: Finding;
  try {
    finding = await lookUp(context, operation);
  } catch (error) {
    const failures = Number(operation.meta.lookupFailures ?? 0) + 1;
    const notBefore = new Date(context.now().getTime() + backoffDelay(context.retry, failures)).toISOString();
    await context.store.updateOperation(operation.id, { states: ['outcome_unknown'], version: operation.version }, {
      notBefore,
      meta: { ...operation.meta, lookupFailures: failures },
    });
    await journal(context, operation.id, 'reconcile', context.workerId, { verdict: 'lookup_failed', error: operationError(error), retryAt: notBefore });
    context.logger.warn({ err: error, operationId: operation.id }, 'reconciliation lookup failed; will try again');
    return { id: operation.id, state: 'outcome_unknown', finding: `the lookup failed: ${operationError(error).message}` };
  }

  await journal(context, operation.id, 'reconcile', context.workerId, { verdict: finding.verdict, finding: finding.finding, evidence: finding.evidence });
  context.logger.info({ operationId: operation.id, verdict: finding.verdict, finding: finding.finding }, 'operation reconciled');

  let updated: OperationRecord | null;
  if (finding.verdict === 'done') {
    updated = await transition(context, operation, {
      state: finding.state,
      reconciled: true,
      error: null,
      notBefore: null,
      result: { reconciled: true, evidence: finding.evidence },
    }, { finding: finding.finding });
  } else if (finding.verdict === 'not_executed') {
    updated = await transition(context, operation, { state: 'queued', reconciled: true, notBefore: null }, { finding: finding.finding });
  } else {
    const warning = `An earlier attempt may have gone through: ${finding.finding}. Check the account before approving it again, because approving sends it again.`;
    updated = await transition(context, operation, backToPerson(context, operation.preview, warning), { finding: finding.finding });
  }
  return { id: operation.id, state: updated?.state ?? operation.state, finding: finding.finding };
}

/**
 * Reconciles every due `outcome_unknown` operation of this process's account, and first turns
 * `sending` operations whose lease ran out (their worker crashed or hung) into `outcome_unknown`.
 * With `id`, only that one. Lookups use this process's credentials, so other accounts' operations
 * are left to their own workers.
 */
export async function reconcile(context: OperationsContext, id?: string): Promise<ReconcileOutcome[]> {
  const now = context.now();
  const account = context.core.config.username;
  const candidates = id
    ? [await context.store.getOperation(id)].filter((operation): operation is OperationRecord => operation?.account === account)
    : await context.store.listOperations({ account, states: ['sending', 'outcome_unknown'] });

  const outcomes: ReconcileOutcome[] = [];
  for (let operation of candidates) {
    if (operation.state === 'sending') {
      if (!operation.leaseUntil || Date.parse(operation.leaseUntil) > now.getTime()) continue;
      const stale = await transition(
        context,
        operation,
        { state: 'outcome_unknown', leaseOwner: null, leaseUntil: null, notBefore: null },
        { reason: `the lease of worker ${operation.leaseOwner ?? 'unknown'} ran out while sending` },
      );
      if (!stale) continue;
      operation = stale;
    }
    if (operation.state !== 'outcome_unknown') continue;
    if (!id && operation.notBefore && Date.parse(operation.notBefore) > now.getTime()) continue;
    outcomes.push(await reconcileOne(context, operation));
  }
  return outcomes;
}
