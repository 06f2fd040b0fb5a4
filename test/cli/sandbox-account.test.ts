import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, makeHome, runCli } from './helpers.js';

// `--sandbox` with a login of one's own gives an account that keeps state, so a person can try
// approved writes offline; the public test account keeps REG.API's canned answers.
describe('--sandbox accounts', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('serves a login of its own with zones', async () => {
    const env = cliEnv(home.home, { REGAPI_USERNAME: 'demo-user', REGAPI_PASSWORD: 'demo-Pa55' });
    const run = await runCli(['call', 'zone/get_resource_records', 'domain_name=example.ru', '--sandbox'], env);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { domains: { dname: string; rrs: { rectype: string; content: string }[] }[] };
    expect(answer.domains[0].dname).toBe('example.ru');
    expect(answer.domains[0].rrs).toContainEqual(expect.objectContaining({ rectype: 'TXT', content: 'v=spf1 -all' }));
    expect(run.stderr).not.toContain('demo-Pa55');
  });

  it('keeps the test account canned', async () => {
    const run = await runCli(['call', 'nop', '--sandbox'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ login: 'test' });
    expect(run.stderr).toMatch(/public REG.API test account/);
  });
});
