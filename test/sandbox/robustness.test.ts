import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/catalogue/index.js';
import { as, call, startSandbox, type Sandbox } from './helpers.js';

let sandbox: Sandbox;
const owner = as('owner', 'owner-pass');

/** Inputs of the wrong shape that a careless client could send. */
const ODD_INPUTS: Array<Record<string, unknown>> = [
  {},
  { domains: [null, 5, 'example.ru', { dname: '' }], services: [{}, { service_id: 'x' }], bills: ['a', { bill_id: null }] },
  { domain_name: 'example.ru', servtype: 'srv_webfwd', period: 'many', action_list: 'add', folder_id: {}, subdomain: 7 },
  { dname: 'ПРИМЕР.рф', text: '', ipaddr: ['1.2.3.4'], nss: 'ns1.reg.ru', contacts: 'none', user_servid: 12 },
];

beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [{ username: 'owner', password: 'owner-pass', partner: true, balance: 100_000, domains: ['example.ru', 'пример.рф'] }],
    // Every method is called several times, more than REG.API's hourly limit allows as the catalogue grows.
    rateLimit: { account: 100_000, ip: 100_000 },
  });
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox robustness', () => {
  it('answers odd input with an envelope, never a server error', async () => {
    const failures: string[] = [];
    for (const method of catalogue) {
      for (const [index, input] of ODD_INPUTS.entries()) {
        const envelope = await call(sandbox, method.path, input, owner);
        const last = sandbox.requests.at(-1);
        if (last?.status !== 200 || envelope.error_code === 'INTERNAL_ERROR' || !['success', 'error'].includes(envelope.result)) {
          failures.push(`${method.path} #${index}: ${last?.status} ${JSON.stringify(envelope).slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
