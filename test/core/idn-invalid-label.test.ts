import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalDomain, displayDomain } from '../../src/core/idn.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxCore } from '../support/core.js';

// domainToASCII returns an empty string for a label it cannot convert, so joined back "ex ample.ru" became ".ru".
describe('domain names with an invalid label', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({});
  });
  afterAll(async () => sandbox.close());

  it.each(['ex ample.ru', 'a.ru\u0000', 'пример рф.ru'])('has no canonical form: %j', (name) => {
    expect(canonicalDomain(name)).toBe('');
  });

  it('keeps valid names canonical', () => {
    expect(canonicalDomain('ПРИМЕР.РФ.')).toBe('xn--e1afmkfd.xn--p1ai');
    expect(canonicalDomain('_acme-challenge.Example.RU')).toBe('_acme-challenge.example.ru');
    expect(displayDomain('пример.рф')).toBe('пример.рф (xn--e1afmkfd.xn--p1ai)');
  });

  it('never sends another name in its place', async () => {
    const core = sandboxCore(sandbox.url);
    const result = await core.call<{ domains: { dname: string }[] }>('domain/check', { domain_name: 'ex ample.ru' });
    await core.close();

    const sent = JSON.parse(String(sandbox.requests.at(-1)!.fields.input_data)) as { domain_name: string };
    expect(sent.domain_name).toBe('ex ample.ru');
    expect(result.answer.domains.map((domain) => domain.dname)).not.toContain('.ru');
  });
});
