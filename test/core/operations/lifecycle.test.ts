import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ValidationError } from '../../../src/core/client/errors.js';
import { ApprovalDeniedError } from '../../../src/core/operations/index.js';
import { ACCOUNT, drain, startQueueHarness, type QueueHarness } from './harness.js';

const ADD_TXT = { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'token-1' };

describe('operation lifecycle', () => {
  let harness: QueueHarness;

  beforeEach(async () => {
    harness = await startQueueHarness();
  });

  afterEach(async () => {
    await harness.close();
  });

  it('proposes a write without sending it', async () => {
    const operation = await harness.operations.propose({ path: 'zone/add_txt', input: ADD_TXT, requestedBy: 'cli:alice' });

    expect(operation.state).toBe('awaiting_approval');
    expect(operation.account).toBe(ACCOUNT);
    expect(operation.id).toMatch(/^[0-9a-f]{32}$/);
    expect(operation.preview?.dns?.added).toEqual([expect.objectContaining({ subname: '_acme-challenge', type: 'TXT', content: 'token-1' })]);
    expect(harness.requestsFor('zone/add_txt')).toBe(0);
    expect(await drain(harness.operations)).toBe(0);
  });

  it('rejects proposing a read method', async () => {
    await expect(harness.operations.propose({ path: 'domain/check', input: { domain_name: 'a.ru' }, requestedBy: 'cli:alice' })).rejects.toThrow(
      ValidationError,
    );
  });

  it('rejects invalid input before storing anything', async () => {
    await expect(
      harness.operations.propose({ path: 'zone/add_txt', input: { ...ADD_TXT, surprise: 1 }, requestedBy: 'cli:alice' }),
    ).rejects.toThrow(/surprise/);
    expect(await harness.operations.list()).toEqual([]);
  });

  it('runs an approved write and journals it', async () => {
    const proposed = await harness.operations.propose({ path: 'zone/add_txt', input: ADD_TXT, requestedBy: 'cli:alice' });
    const queued = await harness.operations.approve(proposed.id, { by: 'cli:bob', tier: 'terminal', confirmation: 'example.ru' });
    expect(queued.state).toBe('queued');
    expect(queued.decidedBy).toBe('cli:bob');

    expect(await drain(harness.operations)).toBe(1);
    const done = await harness.operations.get(proposed.id);
    expect(done?.state).toBe('done');
    expect(done?.attempts).toBe(1);
    expect(done?.leaseOwner).toBeNull();
    expect(harness.requestsFor('zone/add_txt')).toBe(1);
    const zone = harness.sandbox.state(ACCOUNT)!.zones.get('example.ru')!;
    expect(zone.records.filter((record) => record.content === 'token-1')).toHaveLength(1);

    const journal = await harness.operations.journal(proposed.id);
    const kinds = journal.map((entry) => entry.kind);
    expect(kinds.indexOf('decision')).toBeGreaterThan(0);
    // The attempt is journaled before the request leaves, and the core journals the answer after it.
    const request = kinds.indexOf('request');
    const answer = journal.findIndex((entry) => entry.kind === 'answer' && entry.data.path === 'zone/add_txt');
    expect(request).toBeGreaterThan(kinds.indexOf('decision'));
    expect(answer).toBeGreaterThan(request);
    // The worker that sent the request is the answer's actor; the requester stays in its data.
    expect(journal[answer].actor).not.toBe(journal[answer].data.requestedBy);
    expect(journal[answer].data.requestedBy).toBe(proposed.requestedBy);
    const claimed = journal.findIndex((entry) => entry.kind === 'state' && entry.data.to === 'sending');
    expect(claimed).toBeGreaterThan(kinds.indexOf('decision'));
    expect(claimed).toBeLessThan(request);
    expect(journal.at(-1)?.data).toMatchObject({ from: 'sending', to: 'done' });
    expect(JSON.stringify(journal)).not.toContain('Client-Pa55');
  });

  it('requires the typed confirmation at a terminal', async () => {
    const proposed = await harness.operations.propose({ path: 'zone/add_txt', input: ADD_TXT, requestedBy: 'cli:alice' });

    await expect(harness.operations.approve(proposed.id, { by: 'cli:bob', tier: 'terminal' })).rejects.toThrow(ApprovalDeniedError);
    await expect(harness.operations.approve(proposed.id, { by: 'cli:bob', tier: 'terminal', confirmation: 'other.ru' })).rejects.toThrow(
      /expected "example.ru"/,
    );
    expect((await harness.operations.get(proposed.id))?.state).toBe('awaiting_approval');
  });

  it('finishes without sending when the zone already matches', async () => {
    const proposed = await harness.operations.propose({ path: 'zone/add_txt', input: ADD_TXT, requestedBy: 'cli:alice' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    harness.sandbox.state(ACCOUNT)!.zones.get('example.ru')!.records.push({ subname: '_acme-challenge', rectype: 'TXT', content: 'token-1', prio: null });

    await drain(harness.operations);
    const done = await harness.operations.get(proposed.id);

    expect(done?.state).toBe('done');
    expect(done?.result).toMatchObject({ noop: true });
    expect(done?.attempts).toBe(0);
    expect(harness.requestsFor('zone/add_txt')).toBe(0);
  });

  it('goes back to a person when the balance fell', async () => {
    const proposed = await harness.operations.propose({ path: 'service/renew', input: { service_id: 4001, period: 1 }, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    harness.sandbox.state(ACCOUNT)!.balance = 10;

    await drain(harness.operations);
    const back = await harness.operations.get(proposed.id);

    expect(back?.state).toBe('awaiting_approval');
    expect(back?.decidedBy).toBeNull();
    expect(back?.preview?.warnings.join(' ')).toMatch(/Changed since it was approved: the balance fell/);
    expect(harness.requestsFor('service/renew')).toBe(0);
  });

  it('goes back to a person when the price rose', async () => {
    const proposed = await harness.operations.propose({ path: 'service/renew', input: { service_id: 4001, period: 1 }, requestedBy: 'slack:U1' });
    const quoted = proposed.preview?.price;
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    // The preview read the price list through the cache; the check before sending must not.
    harness.sandbox.state(ACCOUNT)!.tldPrices.set('ru', 1990);

    await drain(harness.operations);
    const back = await harness.operations.get(proposed.id);

    expect(quoted).toBe(199);
    expect(back?.state).toBe('awaiting_approval');
    expect(back?.preview?.price).toBe(1990);
    expect(harness.requestsFor('service/renew')).toBe(0);
  });

  it('retries a billing call refused with BILLING_LOCK', async () => {
    harness.sandbox.faults.add({
      path: 'service/renew',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'BILLING_LOCK', error_text: 'another active connection for billing operation' },
    });
    const proposed = await harness.operations.propose({ path: 'service/renew', input: { service_id: 4001, period: 1 }, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });

    await drain(harness.operations);
    const waiting = await harness.operations.get(proposed.id);
    expect(waiting?.state).toBe('queued');
    expect(waiting?.error?.code).toBe('BILLING_LOCK');
    expect(waiting?.notBefore).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 150));
    await drain(harness.operations);
    const done = await harness.operations.get(proposed.id);
    expect(done?.state).toBe('done');
    expect(done?.attempts).toBe(2);
    expect(harness.requestsFor('service/renew')).toBe(2);
    expect(harness.sandbox.state(ACCOUNT)!.services.find((service) => service.service_id === 4001)?.expiration_date).toBe('2028-03-01');
  });

  it('fails on an error a retry cannot fix', async () => {
    const proposed = await harness.operations.propose({ path: 'service/renew', input: { service_id: 4001, period: 1 }, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    harness.sandbox.faults.add({
      path: 'service/renew',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'INCORRECT_STATE', error_text: 'service state does not allow renewal', error_params: { service_id: '4001' } },
    });

    await drain(harness.operations);
    const failed = await harness.operations.get(proposed.id);

    expect(failed?.state).toBe('failed');
    expect(failed?.error?.code).toBe('INCORRECT_STATE');
    expect(failed?.error?.hint).not.toBe('');
    expect(failed?.error?.params).toEqual({ service_id: '4001' });
    expect(harness.requestsFor('service/renew')).toBe(1);
  });

  it('records an unpaid renewal as done_unpaid', async () => {
    harness.sandbox.state(ACCOUNT)!.balance = 10;
    const proposed = await harness.operations.propose({
      path: 'service/renew',
      input: { service_id: 4001, period: 1, ok_if_no_money: 1 },
      requestedBy: 'slack:U1',
    });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });

    await drain(harness.operations);
    const unpaid = await harness.operations.get(proposed.id);

    expect(unpaid?.state).toBe('done_unpaid');
    expect(harness.sandbox.state(ACCOUNT)!.bills.filter((bill) => bill.pay_status === 'notpayed')).toHaveLength(1);
  });

  it('names the refused elements of a partial outcome', async () => {
    const input = { services: [{ service_id: 4001 }, { service_id: 9999 }], period: 1 };
    const proposed = await harness.operations.propose({ path: 'service/renew', input, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });

    await drain(harness.operations);
    const partial = await harness.operations.get(proposed.id);

    expect(partial?.state).toBe('done');
    expect(partial?.error?.code).toBe('PARTIAL_FAILURE');
    expect(partial?.error?.message).toContain('9999 (SERVICE_ID_NOT_FOUND)');
    expect(partial?.result).toMatchObject({ outcome: 'partial', failedItems: [{ index: 1, errorCode: 'SERVICE_ID_NOT_FOUND' }] });
  });

  it('fails when every element is refused', async () => {
    const input = { services: [{ service_id: 9998 }, { service_id: 9999 }], period: 1 };
    const proposed = await harness.operations.propose({ path: 'service/renew', input, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });

    await drain(harness.operations);
    const failed = await harness.operations.get(proposed.id);

    expect(failed?.state).toBe('failed');
    expect(failed?.error?.code).toBe('SERVICE_ID_NOT_FOUND');
    expect(harness.requestsFor('service/renew')).toBe(1);
  });

  it('leaves other accounts\' operations alone', async () => {
    const proposed = await harness.operations.propose({ path: 'zone/add_txt', input: ADD_TXT, requestedBy: 'cli:alice' });
    await harness.operations.approve(proposed.id, { by: 'cli:bob', tier: 'terminal', confirmation: 'example.ru' });
    // The same store, but a process configured for another REG.RU account.
    const other = await harness.another({ core: { ...harness.core, config: { ...harness.core.config, username: 'someone-else' } } });

    expect(await drain(other)).toBe(0);
    expect(await other.reconcile()).toEqual([]);
    expect(harness.requestsFor('zone/add_txt')).toBe(0);
    expect(await drain(harness.operations)).toBe(1);
  });

  it('waits for the outcome and reports progress', async () => {
    const proposed = await harness.operations.propose({ path: 'zone/add_txt', input: ADD_TXT, requestedBy: 'cli:alice' });

    const timedOut = await harness.operations.waitFor(proposed.id, { timeoutMs: 50, pollMs: 10 });
    expect(timedOut.state).toBe('awaiting_approval');

    const seen: string[] = [];
    const waiting = harness.operations.waitFor(proposed.id, { timeoutMs: 5_000, pollMs: 10, onProgress: (operation) => seen.push(operation.state) });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    const worker = harness.operations.startWorker({ pollMs: 10 });
    const finished = await waiting;
    await worker.stop();

    expect(finished.state).toBe('done');
    expect(seen.at(-1)).toBe('done');
    expect(seen.length).toBeGreaterThan(0);
  });
});
