import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, errorJson, makeHome, runCli } from './helpers.js';

describe('regapi2 call --read-only', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('rejects a write and stores nothing', async () => {
    const store = `sqlite:${join(home.home, 'read-only.db')}`;
    const write = ['call', 'zone/add_txt', 'domain_name=example.ru', 'subdomain=_acme-challenge', 'text=abc123', '--sandbox', '--store', store];

    const run = await runCli([...write, '--read-only'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(errorJson(run.stderr).message).toContain('read-only');

    const list = await runCli(['ops', 'list', '--all', '--json', '--store', store], cliEnv(home.home));
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).not.toContain('zone/add_txt');
  });

  it('reads as usual', async () => {
    const run = await runCli(['call', 'nop', '--sandbox', '--read-only'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).login).toBe('test');
  });
});
