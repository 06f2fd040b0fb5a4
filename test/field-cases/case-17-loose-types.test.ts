import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxCore } from '../support/core.js';

// The test account sends prio as a string and service_id as a number; real accounts the other way
// round. Strict typing of either form broke parsing on the other kind of account.
function recordsAnswer(prio: unknown, serviceId: unknown): unknown {
  return {
    result: 'success',
    answer: {
      domains: [
        {
          dname: 'example.ru',
          result: 'success',
          service_id: serviceId,
          rrs: [{ subname: '@', rectype: 'MX', content: 'mx.example.ru', prio, state: 'A' }],
          soa: { ttl: '1d', minimum_ttl: '12h' },
        },
      ],
    },
  };
}

describe('field case 17: strings and numbers', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'typeuser', REGAPI_PASSWORD: 'type-pass-17' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'typeuser', password: 'type-pass-17', domains: ['example.ru'] }] });
  });
  afterAll(async () => sandbox.close());

  it('parses both forms into the same output', async () => {
    const core = sandboxCore(sandbox.url, env);
    const answers: unknown[] = [];
    for (const [prio, serviceId] of [['10', 12345], [10, '12345']]) {
      sandbox.faults.add({ path: 'zone/get_resource_records', kind: 'answer', times: 1, body: recordsAnswer(prio, serviceId) });
      const result = await core.call('zone/get_resource_records', { domains: [{ dname: 'example.ru' }] }, { fresh: true });
      answers.push(result.answer);
    }
    await core.close();

    expect(answers[0]).toEqual(answers[1]);
    const domain = (answers[0] as { domains: { service_id: unknown; rrs: { prio: unknown }[] }[] }).domains[0];
    expect(domain.service_id).toBe('12345');
    expect(domain.rrs[0].prio).toBe(10);
  });

  it('accepts a null prio', async () => {
    sandbox.faults.add({ path: 'zone/get_resource_records', kind: 'answer', times: 1, body: recordsAnswer(null, '777') });
    const core = sandboxCore(sandbox.url, env);
    const result = await core.call('zone/get_resource_records', { domains: [{ dname: 'example.ru' }] }, { fresh: true });
    await core.close();
    const domain = (result.answer as { domains: { rrs: { prio: unknown }[] }[] }).domains[0];
    expect(domain.rrs[0].prio).toBeNull();
  });

  it('turns every number into a string and back without loss', async () => {
    sandbox.faults.add({ path: 'user/get_balance', kind: 'strings', times: 1 });
    const core = sandboxCore(sandbox.url, env);
    const stringly = await core.call<{ prepay: unknown }>('user/get_balance', {}, { fresh: true });
    const plain = await core.call<{ prepay: unknown }>('user/get_balance', {}, { fresh: true });
    await core.close();
    expect(stringly.answer).toEqual(plain.answer);
    expect(typeof plain.answer.prepay).toBe('number');
  });
});
