import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSetRecord } from '../../../src/core/dns/index.js';
import { startWorld, type World } from './world.js';

// Field case 7, DNS part: acme.sh compared the Unicode names service/get_list returns with punycode
// input and broke in one direction or the other. Every spelling of a Cyrillic name must give the
// same zone and the same request.
describe('Cyrillic zone names', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ username: 'cyrillic', domains: ['пример.рф'] });
  });
  afterAll(async () => world.close());

  it('gives one request for every spelling of a Cyrillic name', async () => {
    const inputs = [];
    for (const name of ['_acme-challenge.пример.рф', '_acme-challenge.xn--e1afmkfd.xn--p1ai', '_acme-challenge.ПРИМЕР.РФ']) {
      const plan = await planSetRecord(world.core, { name, type: 'TXT', value: 'проверка связи' });
      expect(plan.name.zoneDisplay).toBe('пример.рф (xn--e1afmkfd.xn--p1ai)');
      inputs.push(JSON.stringify(plan.call!.input));
    }
    expect(new Set(inputs).size).toBe(1);

    const plan = await planSetRecord(world.core, { name: '_acme-challenge.ПРИМЕР.РФ', type: 'TXT', value: 'проверка связи' });
    const mark = world.mark();
    await world.run(plan.call!.path, plan.call!.input);
    const writes = world.sentSince(mark).filter((call) => call.path === 'zone/add_txt');
    expect(writes).toHaveLength(1);
    expect(writes[0].input).toEqual({ domains: [{ dname: 'xn--e1afmkfd.xn--p1ai' }], subdomain: '_acme-challenge', text: 'проверка связи' });
  });
});
