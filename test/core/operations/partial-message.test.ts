import { afterEach, describe, expect, it } from 'vitest';

import { drain, SEED, startQueueHarness, type QueueHarness } from './harness.js';

const NAMES = Array.from({ length: 15 }, (_, index) => `zone${index}.ru`);
const MANY_ZONES = { ...SEED, domains: NAMES };

describe('partly refused list write', () => {
  let harness: QueueHarness;

  afterEach(async () => {
    await harness.close();
  });

  it('names ten refused elements and counts the rest', async () => {
    harness = await startQueueHarness({}, MANY_ZONES);
    const input = { domains: NAMES.map((dname) => ({ dname })), subdomain: 'www', text: 'hello' };
    const proposed = await harness.operations.propose({ path: 'zone/add_txt', input, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    const answer = NAMES.map((dname, index) =>
      index === 0 ? { dname, result: 'success' } : { dname, result: 'error', error_code: 'DOMAIN_NOT_FOUND', error_text: `Domain ${dname} not found` },
    );
    harness.sandbox.faults.add({ path: 'zone/add_txt', kind: 'answer', times: 1, body: { result: 'success', answer: { domains: answer } } });

    await drain(harness.operations);
    const operation = await harness.operations.get(proposed.id);

    expect(operation?.state).toBe('done');
    expect(operation?.error?.code).toBe('PARTIAL_FAILURE');
    expect(operation?.error?.message).toContain('14 of 15');
    expect(operation?.error?.message).toContain('zone10.ru (DOMAIN_NOT_FOUND)');
    expect(operation?.error?.message).not.toContain('zone11.ru');
    expect(operation?.error?.message).toContain('and 4 more');
    expect((operation?.result as { failedItems: unknown[] }).failedItems).toHaveLength(14);
  });
});
