import { afterEach, describe, expect, it } from 'vitest';

import { drain, SEED, startQueueHarness, type QueueHarness } from './harness.js';

const TWO_ZONES = { ...SEED, domains: [...(SEED.domains ?? []), 'ample.ru'] };
/** The client gives up after 1 s; a `hold` of 2 s lets the sandbox run the call and lose the answer. */
const TIMEOUT_ENV = { REGAPI_TIMEOUT_MS: '1000' };
const ADD_TXT_TWICE = { path: 'zone/add_txt', input: { domains: [{ dname: 'example.ru' }, { dname: 'ample.ru' }], subdomain: 'www', text: 'hello' } };

describe('DNS change in several zones', () => {
  let harness: QueueHarness;

  afterEach(async () => {
    await harness.close();
  });

  it('previews every zone in one read', async () => {
    harness = await startQueueHarness({}, TWO_ZONES);
    const before = harness.requestsFor('zone/get_resource_records');

    const proposed = await harness.operations.propose({ ...ADD_TXT_TWICE, requestedBy: 'slack:U1' });

    expect(proposed.preview?.dns?.added).toHaveLength(2);
    expect(harness.requestsFor('zone/get_resource_records') - before).toBe(1);
  });

  it('reconciles a lost answer', async () => {
    harness = await startQueueHarness({}, TWO_ZONES, TIMEOUT_ENV);
    const proposed = await harness.operations.propose({ ...ADD_TXT_TWICE, requestedBy: 'slack:U1' });
    await harness.operations.approve(proposed.id, { by: 'slack:U2', tier: 'slack' });
    harness.sandbox.faults.add({ path: 'zone/add_txt', kind: 'hold', ms: 2_000, times: 1 });

    await drain(harness.operations);
    await harness.operations.reconcile();
    const settled = await harness.operations.get(proposed.id);

    expect(settled?.state).toBe('done');
    expect(settled?.reconciled).toBe(true);
    expect(harness.requestsFor('zone/add_txt')).toBe(1);
    const verdicts = (await harness.operations.journal(proposed.id)).filter((entry) => entry.kind === 'reconcile').map((entry) => entry.data.verdict);
    expect(verdicts).toEqual(['done']);
  });
});
