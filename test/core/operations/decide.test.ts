import { afterEach, describe, expect, it } from 'vitest';

import { ApprovalDeniedError, OperationNotFoundError, OperationStateError } from '../../../src/core/operations/index.js';
import type { OperationNotifier, OperationRecord } from '../../../src/core/operations/types.js';
import { drain, startQueueHarness, type QueueHarness } from './harness.js';

const RENEW = { path: 'service/renew', input: { service_id: 4001, period: 1 } };
const ADD_TXT = { path: 'zone/add_txt', input: { domains: [{ dname: 'example.ru' }], subdomain: 'www', text: 'hello' } };

describe('operation decisions', () => {
  let harness: QueueHarness;

  afterEach(async () => {
    await harness.close();
  });

  it('runs a double approval once', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'slack:U1' });
    const second = await harness.another();

    const outcomes = await Promise.allSettled([
      harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' }),
      second.approve(proposed.id, { by: 'slack:U3', tier: 'slack' }),
      harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' }),
    ]);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(2);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(OperationStateError);
    expect(await drain(harness.operations)).toBe(1);
    expect(await drain(second)).toBe(0);
    expect(harness.requestsFor('service/renew')).toBe(1);
    const decisions = (await harness.operations.journal(proposed.id)).filter((entry) => entry.kind === 'decision');
    expect(decisions).toHaveLength(1);
  });

  it('rejects self-approval of billing', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'slack:U1' });

    await expect(harness.operations.approve(proposed.id, { by: 'slack:U1', tier: 'slack' })).rejects.toThrow(ApprovalDeniedError);
    await expect(harness.operations.approve(proposed.id, { by: 'slack:U1', tier: 'slack' })).rejects.toThrow(/cannot approve it too/);
    expect((await harness.operations.get(proposed.id))?.state).toBe('awaiting_approval');
    expect((await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' })).state).toBe('queued');
  });

  it('allows self-approval of a plain write', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });

    expect((await harness.operations.approve(proposed.id, { by: 'slack:U1', tier: 'slack' })).state).toBe('queued');
  });

  it('rejects approval outside the approvers list', async () => {
    harness = await startQueueHarness({ approvalPolicy: { approvers: ['U9', 'cli:carol'] } });
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });

    await expect(harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' })).rejects.toThrow(/not on the approvers list/);
    expect((await harness.operations.approve(proposed.id, { by: 'slack:U9', tier: 'slack' })).state).toBe('queued');
  });

  it('lets the requester withdraw outside the approvers list', async () => {
    harness = await startQueueHarness({ approvalPolicy: { approvers: ['U9'] } });
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });

    expect((await harness.operations.reject(proposed.id, { by: 'slack:U1', tier: 'slack' })).state).toBe('rejected');
  });

  it('applies the approvers list to Slack only', async () => {
    harness = await startQueueHarness({ approvalPolicy: { approvers: ['U9'] } });
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'mcp:claude' });
    const confirmation = proposed.preview?.confirmWith;

    const approved = await harness.operations.approve(proposed.id, { by: 'cli:alice', tier: 'terminal', confirmation });
    expect(approved.state).toBe('queued');
  });

  it('approves after an unrelated row update', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });
    const store = harness.store;
    const read = store.getOperation.bind(store);
    let raced = false;
    // Between the approval's read and its compare-and-set, the Slack notifier stores the card's
    // location, which bumps the row's version without deciding anything.
    store.getOperation = async (id) => {
      const row = await read(id);
      if (!raced && row) {
        raced = true;
        await store.updateOperation(id, { states: ['awaiting_approval'] }, { meta: { ...row.meta, slackCard: { channel: 'C1', ts: '1.2' } } });
      }
      return row;
    };

    const approved = await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    store.getOperation = read;

    expect(raced).toBe(true);
    expect(approved.state).toBe('queued');
    expect(approved.meta.slackCard).toEqual({ channel: 'C1', ts: '1.2' });
  });

  it('rejects billing approval with a token unless allowed', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'mcp:claude' });

    await expect(harness.operations.approve(proposed.id, { by: 'mcp:claude', tier: 'token' })).rejects.toThrow(/cannot be approved with a token/);
  });

  it('stops a queued operation before it is sent', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });

    const stopped = await harness.operations.reject(proposed.id, { by: 'slack:U2', tier: 'slack', reason: 'changed my mind' });

    expect(stopped.state).toBe('rejected');
    expect(await drain(harness.operations)).toBe(0);
    expect(harness.requestsFor('service/renew')).toBe(0);
    const decisions = (await harness.operations.journal(proposed.id)).filter((entry) => entry.kind === 'decision').map((entry) => entry.data.decision);
    expect(decisions).toEqual(['approved', 'rejected']);
  });

  it('sends nothing after a rejection', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'slack:U1' });
    const rejected = await harness.operations.reject(proposed.id, { by: 'slack:U2', tier: 'slack', reason: 'wrong service' });

    expect(rejected.state).toBe('rejected');
    expect(rejected.decidedBy).toBe('slack:U2');
    await expect(harness.operations.approve(proposed.id, { by: 'slack:U3', tier: 'slack' })).rejects.toThrow(OperationStateError);
    expect(await drain(harness.operations)).toBe(0);
    expect(harness.requestsFor('service/renew')).toBe(0);
    const decision = (await harness.operations.journal(proposed.id)).find((entry) => entry.kind === 'decision');
    expect(decision?.data).toMatchObject({ decision: 'rejected', reason: 'wrong service' });
  });

  it('expires pending operations after the expiry time', async () => {
    let clock = Date.parse('2026-06-01T10:00:00.000Z');
    harness = await startQueueHarness({ now: () => new Date(clock), approvalPolicy: { expiryMs: 60_000 } });
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'slack:U1' });
    const kept = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });

    clock += 59_000;
    expect(await harness.operations.expirePending()).toEqual([]);
    clock += 2_000;
    const expired = await harness.operations.expirePending();

    expect(expired.map((operation) => operation.id).sort()).toEqual([proposed.id, kept.id].sort());
    expect((await harness.operations.get(proposed.id))?.state).toBe('expired');
    await expect(harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' })).rejects.toThrow(/it is expired/);
  });

  it('expires on approval after the expiry time', async () => {
    let clock = Date.parse('2026-06-01T10:00:00.000Z');
    harness = await startQueueHarness({ now: () => new Date(clock), approvalPolicy: { expiryMs: 60_000 } });
    const proposed = await harness.operations.propose({ ...RENEW, requestedBy: 'slack:U1' });
    clock += 61_000;

    await expect(harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' })).rejects.toThrow(OperationStateError);
    expect((await harness.operations.get(proposed.id))?.state).toBe('expired');
    expect(await drain(harness.operations)).toBe(0);
  });

  it('raises not found for an unknown id', async () => {
    harness = await startQueueHarness();
    await expect(harness.operations.approve('0'.repeat(32), { by: 'slack:U2', tier: 'slack' })).rejects.toThrow(OperationNotFoundError);
  });

  it('tells notifiers about each state change', async () => {
    const events: string[] = [];
    const notifier: OperationNotifier = {
      announce: async (operation: OperationRecord) => void events.push(`announce:${operation.state}`),
      update: async (operation: OperationRecord) => void events.push(`update:${operation.state}`),
    };
    const failing: OperationNotifier = {
      announce: async () => {
        throw new Error('Slack is down');
      },
      update: async () => {
        throw new Error('Slack is down');
      },
    };
    harness = await startQueueHarness({ notifiers: [failing, notifier] });
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    await drain(harness.operations);

    expect(events).toEqual(['announce:awaiting_approval', 'update:approved', 'update:queued', 'update:sending', 'update:done']);
  });

  it('queues an operation stuck in approved', async () => {
    harness = await startQueueHarness();
    const proposed = await harness.operations.propose({ ...ADD_TXT, requestedBy: 'slack:U1' });
    // The approving process died after the approval and before queueing it.
    await harness.store.updateOperation(proposed.id, { states: ['awaiting_approval'] }, { state: 'approved', decidedBy: 'slack:U2' });
    const worker = harness.operations.startWorker({ pollMs: 10 });

    for (let waited = 0; (await harness.operations.get(proposed.id))?.state !== 'done' && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();

    expect((await harness.operations.get(proposed.id))?.state).toBe('done');
    expect(harness.requestsFor('zone/add_txt')).toBe(1);
  });
});
