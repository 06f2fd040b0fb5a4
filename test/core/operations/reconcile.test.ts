import { afterEach, describe, expect, it } from 'vitest';

import { ACCOUNT, drain, startQueueHarness, type QueueHarness } from './harness.js';

/** The client gives up after 1 s; a `hold` of 2 s lets the sandbox run the call and lose the answer. */
const TIMEOUT_ENV = { REGAPI_TIMEOUT_MS: '1000' };
const ORDER = { path: 'service/create', input: { servtype: 'srv_hosting_ispmgr', domain_name: 'shop.ru', period: 1 } };
const ADD_TXT = { path: 'zone/add_txt', input: { domains: [{ dname: 'example.ru' }], subdomain: 'www', text: 'hello' } };
const RENEW = { path: 'service/renew', input: { service_id: 4001, period: 1 } };
const RENEW_BY_NAME = { path: 'service/renew', input: { domain_name: 'example.ru', period: 1 } };

/** Runs the queue until the operation leaves the queue, for at most 10 s. */
async function runUntilSettled(harness: QueueHarness, id: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await drain(harness.operations);
    await harness.operations.reconcile();
    const operation = await harness.operations.get(id);
    if (!operation || !['queued', 'sending', 'outcome_unknown'].includes(operation.state) || Date.now() > deadline) return operation;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('reconciliation', () => {
  let harness: QueueHarness;

  afterEach(async () => {
    await harness.close();
  });

  async function approved(request: { path: string; input: Record<string, unknown> }): Promise<string> {
    const proposed = await harness.operations.propose({ ...request, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    return proposed.id;
  }

  function servicesWithUserServid(id: string) {
    return harness.sandbox.state(ACCOUNT)!.services.filter((service) => service.user_servid === id);
  }

  it('finds an order whose answer was lost', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(ORDER);
    harness.sandbox.faults.add({ path: 'service/create', kind: 'hold', ms: 2_000, times: 1 });

    await drain(harness.operations);
    const operation = await harness.operations.get(id);

    expect(operation?.state).toBe('done');
    expect(operation?.reconciled).toBe(true);
    expect(harness.requestsFor('service/create')).toBe(1);
    expect(servicesWithUserServid(id)).toHaveLength(1);
    const reconcile = (await harness.operations.journal(id)).find((entry) => entry.kind === 'reconcile');
    expect(reconcile?.data).toMatchObject({ verdict: 'done', evidence: { user_servid: id } });
  });

  it('waits for a late DNS change before looking', async () => {
    // The sandbox runs add_txt 1.5 s after it arrives, after the client gave up at 1 s. A lookup made
    // at once would find nothing and send the record a second time.
    harness = await startQueueHarness({ settleMs: 2_500 }, undefined, TIMEOUT_ENV);
    const id = await approved(ADD_TXT);
    harness.sandbox.faults.add({ path: 'zone/add_txt', kind: 'delay', ms: 1_500, times: 1 });

    await drain(harness.operations);
    const waiting = await harness.operations.get(id);
    await harness.operations.reconcile();
    const stillWaiting = await harness.operations.get(id);
    const settled = await runUntilSettled(harness, id);

    expect(waiting?.state).toBe('outcome_unknown');
    expect(stillWaiting?.state).toBe('outcome_unknown');
    expect(settled?.state).toBe('done');
    expect(harness.requestsFor('zone/add_txt')).toBe(1);
    const records = harness.sandbox.state(ACCOUNT)!.zones.get('example.ru')!.records.filter((record) => record.subname === 'www' && record.content === 'hello');
    expect(records).toHaveLength(1);
  });

  it('resends an order that never ran', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(ORDER);
    harness.sandbox.faults.add({ path: 'service/create', kind: 'drop', times: 1 });

    await drain(harness.operations);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await drain(harness.operations);
    const operation = await harness.operations.get(id);

    expect(operation?.state).toBe('done');
    expect(operation?.attempts).toBe(2);
    expect(harness.requestsFor('service/create')).toBe(2);
    expect(servicesWithUserServid(id)).toHaveLength(1);
    const reconcile = (await harness.operations.journal(id)).find((entry) => entry.kind === 'reconcile');
    expect(reconcile?.data).toMatchObject({ verdict: 'not_executed' });
  });

  it('retries a failed lookup later', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(ORDER);
    harness.sandbox.faults.add({ path: 'service/create', kind: 'hold', ms: 2_000, times: 1 });
    harness.sandbox.faults.add({ path: 'service/get_info', kind: 'drop', times: 1 });

    await drain(harness.operations);
    const unknown = await harness.operations.get(id);
    expect(unknown?.state).toBe('outcome_unknown');
    expect(unknown?.notBefore).not.toBeNull();
    const journal = await harness.operations.journal(id);
    expect(journal.find((entry) => entry.kind === 'reconcile')?.data).toMatchObject({ verdict: 'lookup_failed' });

    const outcomes = await harness.operations.reconcile(id);
    expect(outcomes).toEqual([expect.objectContaining({ id, state: 'done' })]);
    expect(servicesWithUserServid(id)).toHaveLength(1);
    expect(harness.requestsFor('service/create')).toBe(1);
  });

  it('treats USER_SERVID_IS_NOT_UNIQUE on a resend as done', async () => {
    // Retries wait long enough for the held first order to finish, which REG.API answers with
    // DOMAIN_ORDER_LOCKED meanwhile.
    harness = await startQueueHarness({ retry: { baseDelayMs: 400, maxDelayMs: 1_000, maxAttempts: 8 } }, undefined, TIMEOUT_ENV);
    const id = await approved(ORDER);
    // The first attempt runs but its answer is lost, and the first lookup wrongly finds nothing, so
    // the order is sent again and REG.API refuses the resend by its user_servid.
    harness.sandbox.faults.add({ path: 'service/create', kind: 'hold', ms: 2_000, times: 1 });
    harness.sandbox.faults.add({
      path: 'service/get_info',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'SERVICE_NOT_FOUND', error_text: 'Service not found' },
    });

    const operation = await runUntilSettled(harness, id);

    expect(harness.requestsFor('service/create')).toBeGreaterThanOrEqual(2);
    expect(operation?.error).toBeNull();
    expect(operation?.state).toBe('done');
    expect(servicesWithUserServid(id)).toHaveLength(1);
    const answers = (await harness.operations.journal(id)).filter((entry) => entry.kind === 'answer' && entry.data.path === 'service/create');
    expect(answers.at(-1)?.data.error).toMatchObject({ code: 'USER_SERVID_IS_NOT_UNIQUE' });
  });

  it('finds a DNS change whose answer was lost', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(ADD_TXT);
    harness.sandbox.faults.add({ path: 'zone/add_txt', kind: 'hold', ms: 2_000, times: 1 });

    await drain(harness.operations);

    expect((await harness.operations.get(id))?.state).toBe('done');
    expect(harness.requestsFor('zone/add_txt')).toBe(1);
    const records = harness.sandbox.state(ACCOUNT)!.zones.get('example.ru')!.records;
    expect(records.filter((record) => record.subname === 'www' && record.content === 'hello')).toHaveLength(1);
  });

  it('resends a DNS change that never ran', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(ADD_TXT);
    harness.sandbox.faults.add({ path: 'zone/add_txt', kind: 'drop', times: 1 });

    await drain(harness.operations);

    expect((await harness.operations.get(id))?.state).toBe('done');
    expect(harness.requestsFor('zone/add_txt')).toBe(2);
    const records = harness.sandbox.state(ACCOUNT)!.zones.get('example.ru')!.records;
    expect(records.filter((record) => record.subname === 'www' && record.content === 'hello')).toHaveLength(1);
  });

  it('finds a renewal by its expiration date', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(RENEW);
    harness.sandbox.faults.add({ path: 'service/renew', kind: 'hold', ms: 2_000, times: 1 });

    await drain(harness.operations);
    const operation = await harness.operations.get(id);

    expect(operation?.state).toBe('done');
    expect(operation?.reconciled).toBe(true);
    expect(harness.requestsFor('service/renew')).toBe(1);
  });

  it('finds a renewal named by domain', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(RENEW_BY_NAME);
    harness.sandbox.faults.add({ path: 'service/renew', kind: 'hold', ms: 2_000, times: 1 });

    await drain(harness.operations);
    const operation = await harness.operations.get(id);

    expect(operation?.state).toBe('done');
    expect(operation?.reconciled).toBe(true);
    expect(harness.requestsFor('service/renew')).toBe(1);
    const reconcile = (await harness.operations.journal(id)).find((entry) => entry.kind === 'reconcile');
    expect(reconcile?.data).toMatchObject({ verdict: 'done', evidence: { service_id: '4001', expirationBefore: '2027-03-01' } });
  });

  it('hands an undecidable renewal to a person', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(RENEW);
    harness.sandbox.faults.add({ path: 'service/renew', kind: 'drop', times: 1 });

    await drain(harness.operations);
    const operation = await harness.operations.get(id);

    expect(operation?.state).toBe('awaiting_approval');
    expect(operation?.preview?.warnings.join(' ')).toMatch(/An earlier attempt may have gone through: the expiration date is unchanged/);
    expect(harness.requestsFor('service/renew')).toBe(1);
  });

  it('takes over an operation whose worker lease ran out', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(ADD_TXT);
    const crashed = await harness.store.claimNext('crashed-worker', 1, new Date());
    expect(crashed?.id).toBe(id);
    await new Promise((resolve) => setTimeout(resolve, 5));

    const outcomes = await harness.operations.reconcile();
    const journal = await harness.operations.journal(id);

    expect(outcomes).toEqual([expect.objectContaining({ id, state: 'queued' })]);
    expect(journal.some((entry) => entry.kind === 'state' && String(entry.data.reason).includes('crashed-worker'))).toBe(true);
    await drain(harness.operations);
    expect((await harness.operations.get(id))?.state).toBe('done');
    expect(harness.requestsFor('zone/add_txt')).toBe(1);
  });

  it('resends when the last attempt was counted but never sent', async () => {
    harness = await startQueueHarness({}, undefined, TIMEOUT_ENV);
    const id = await approved(RENEW);
    harness.sandbox.faults.add({
      path: 'service/renew',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'BILLING_LOCK', error_text: 'another active connection for billing operation' },
    });
    await drain(harness.operations);
    expect((await harness.operations.get(id))?.attempts).toBe(1);

    // A worker claims the retry, counts attempt 2 and dies before journaling or sending it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const claimed = await harness.store.claimNext('crashed-worker', 1, new Date());
    await harness.store.updateOperation(id, { states: ['sending'] }, { attempts: claimed!.attempts + 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const outcomes = await harness.operations.reconcile();

    expect(outcomes).toEqual([expect.objectContaining({ id, state: 'queued', finding: 'attempt 2 was never sent' })]);
    await drain(harness.operations);
    expect((await harness.operations.get(id))?.state).toBe('done');
    expect(harness.requestsFor('service/renew')).toBe(2);
  });
});
