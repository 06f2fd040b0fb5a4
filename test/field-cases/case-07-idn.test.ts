import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { displayDomain } from '../../src/core/idn.js';
import { sandboxCore } from '../support/core.js';

// acme.sh compared Unicode names from service/get_list with punycode input, fixed one direction and
// broke the other. regapi2 sends one form whatever form the name arrived in.
describe('field case 7: Cyrillic names', () => {
  let sandbox: Sandbox;
  const env = { REGAPI_USERNAME: 'rfuser', REGAPI_PASSWORD: 'rf-pass-7' };

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [{ username: 'rfuser', password: 'rf-pass-7', domains: ['пример.рф'] }] });
  });
  afterAll(async () => sandbox.close());

  it('sends byte-identical requests for Unicode, punycode and upper case', async () => {
    const bodies: string[] = [];
    for (const name of ['пример.рф', 'xn--e1afmkfd.xn--p1ai', 'ПРИМЕР.РФ.']) {
      const before = sandbox.requests.length;
      const core = sandboxCore(sandbox.url, env);
      const result = await core.call('zone/add_txt', { domains: [{ dname: name }], subdomain: '_acme-challenge', text: 'token' });
      await core.close();
      expect(result.outcome).toBe('success');
      bodies.push(sandbox.requests.slice(before)[0].rawBody);
    }
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    const inputData = JSON.parse(new URLSearchParams(bodies[0]).get('input_data')!);
    expect(inputData.domains[0].dname).toBe('xn--e1afmkfd.xn--p1ai');
  });

  it('shows people both forms', () => {
    expect(displayDomain('xn--e1afmkfd.xn--p1ai')).toBe('пример.рф (xn--e1afmkfd.xn--p1ai)');
    expect(displayDomain('ПРИМЕР.РФ')).toBe('пример.рф (xn--e1afmkfd.xn--p1ai)');
  });

  it('passes a Cyrillic TXT value unchanged with io_encoding utf8', async () => {
    const before = sandbox.requests.length;
    const core = sandboxCore(sandbox.url, env);
    await core.call('zone/add_txt', { domains: [{ dname: 'пример.рф' }], subdomain: '@', text: 'проверка связи' });
    await core.close();
    const form = new URLSearchParams(sandbox.requests.slice(before)[0].rawBody);
    expect(JSON.parse(form.get('input_data')!).text).toBe('проверка связи');
    expect(form.get('io_encoding')).toBe('utf8');
  });
});
