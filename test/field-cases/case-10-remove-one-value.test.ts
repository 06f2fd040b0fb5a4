import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/client/errors.js';
import { planRemoveRecord, readZone } from '../../src/core/dns/index.js';
import { computePreview } from '../../src/core/operations/preview/index.js';
import { startWorld, type World } from '../core/dns/world.js';

// zone/remove_record without content deletes every record of the name and type; clients that
// removed one ACME token that way also wiped the second token and unrelated TXT records.
describe('field case 10: removing one TXT value', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({
      username: 'case10',
      domains: ['example.ru'],
      zones: {
        'example.ru': [
          { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenA' },
          { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenB' },
          { subname: '@', rectype: 'TXT', content: 'v=spf1 -all' },
        ],
      },
    });
  });
  afterAll(async () => world.close());

  it('rejects a remove without a value and lists what it would delete', async () => {
    const mark = world.mark();
    const attempt = planRemoveRecord(world.core, { name: '_acme-challenge.example.ru', type: 'TXT' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow('"tokenA", "tokenB"');
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/remove_record');
    expect(writes).toEqual([]);
  });

  it('previews exactly the all-values remove', async () => {
    const plan = await planRemoveRecord(world.core, { name: '_acme-challenge.example.ru', type: 'TXT', all: true });
    expect(plan.removed.map((record) => record.content)).toEqual(['tokenA', 'tokenB']);
    const preview = await computePreview(world.core, plan.call!.path, plan.call!.input);
    expect(preview.dns?.removed.map((record) => record.content)).toEqual(['tokenA', 'tokenB']);
    expect(preview.dns?.added).toEqual([]);
  });

  it('removes tokenA with content and keeps everything else', async () => {
    const plan = await planRemoveRecord(world.core, { name: '_acme-challenge.example.ru', type: 'TXT', value: 'tokenA' });
    expect(plan.removed).toEqual([{ subname: '_acme-challenge', type: 'TXT', content: 'tokenA' }]);
    expect(plan.unchanged).toEqual([{ subname: '_acme-challenge', type: 'TXT', content: 'tokenB' }]);

    const mark = world.mark();
    const done = await world.run(plan.call!.path, plan.call!.input);
    expect(done.state).toBe('done');
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/remove_record');
    expect(writes).toHaveLength(1);
    expect(writes[0].input).toEqual({ domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', record_type: 'TXT', content: 'tokenA' });

    const left = await readZone(world.core, 'example.ru');
    expect(left.map((record) => `${record.subname} ${record.content}`).sort()).toEqual(['@ v=spf1 -all', '_acme-challenge tokenB']);
  });

  it('answers a remove of a value that is gone with no change', async () => {
    const plan = await planRemoveRecord(world.core, { name: '_acme-challenge.example.ru', type: 'TXT', value: 'tokenA' });
    expect(plan.noop).toBe(true);
    expect(plan.call).toBeNull();
  });

  it('sends an all-values remove back to a person when a value appeared', async () => {
    const plan = await planRemoveRecord(world.core, { name: '_acme-challenge.example.ru', type: 'TXT', all: true });
    const proposed = await world.operations.propose({ path: plan.call!.path, input: plan.call!.input, requestedBy: 'cli:tester' });
    await world.operations.approve(proposed.id, { by: 'cli:approver', tier: 'terminal', confirmation: 'example.ru' });

    // Another client adds a value after the approval; the approved preview did not list it.
    world.sandbox.state('case10')!.zones.get('example.ru')!.records.push({ subname: '_acme-challenge', rectype: 'TXT', content: 'tokenC', prio: null });
    const mark = world.mark();
    const after = await world.operations.runNext();

    expect(after?.state).toBe('awaiting_approval');
    expect(after?.preview?.dns?.removed.map((record) => record.content)).toEqual(['tokenB', 'tokenC']);
    expect(after?.preview?.warnings.join(' ')).toContain('zone changed');
    expect(world.sentSince(mark).filter((call) => call.path === 'zone/remove_record')).toEqual([]);
  });
});
