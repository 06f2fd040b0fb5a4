import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, makeHome, runCli } from './helpers.js';

describe('regapi2 call --wait', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('gives up after --timeout-ms when nobody approves', async () => {
    const env = cliEnv(home.home, { REGAPI_USERNAME: 'wait-user', REGAPI_PASSWORD: 'wait-Pa55' });
    const store = `sqlite:${join(home.home, 'wait.db')}`;
    const args = ['call', 'zone/add_txt', 'domain_name=example.ru', 'subdomain=www', 'text=waited', '--sandbox', '--store', store, '--wait', '--timeout-ms', '700'];
    const run = await runCli(args, env);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/Waiting up to 1 s/);
    expect(JSON.parse(run.stdout)).toMatchObject({ state: 'awaiting_approval' });
  });

  it('rejects a timeout that is not a number', async () => {
    const run = await runCli(['call', 'zone/add_txt', 'domain_name=example.ru', 'subdomain=www', 'text=x', '--wait', '--timeout-ms', 'soon'], cliEnv(home.home));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout-ms soon');
  });
});
