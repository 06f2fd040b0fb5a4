import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../mcp/sandbox.js';
import { cliEnv, makeHome, runCli } from './helpers.js';

describe('regapi2 doctor', () => {
  const home = makeHome();
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      accounts: [
        { username: 'client-user', password: 'client-password' },
        { username: 'blocked-user', password: 'blocked-password', allowedIps: ['203.0.113.7'] },
      ],
    });
  });

  afterAll(async () => {
    await sandbox?.close();
    home.remove();
  });

  it('passes against the sandbox', async () => {
    const run = await runCli(['doctor', '--sandbox'], cliEnv(home.home));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    for (const name of ['credentials', 'IP allow-list', 'account type', 'rate budget', 'store']) {
      expect(lines.some((line) => line.startsWith(`✓ ${name}:`)), name).toBe(true);
    }
  });

  it('names a client account', async () => {
    const run = await runCli(['doctor'], cliEnv(home.home, { REGAPI_URL: sandbox.url, REGAPI_USERNAME: 'client-user', REGAPI_PASSWORD: 'client-password' }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ account type: client, not a partner/);
  });

  it('fails on the IP allow-list with the fix', async () => {
    const run = await runCli(['doctor'], cliEnv(home.home, { REGAPI_URL: sandbox.url, REGAPI_USERNAME: 'blocked-user', REGAPI_PASSWORD: 'blocked-password' }));
    expect(run.code, run.stderr).toBe(1);
    const line = run.stdout.split('\n').find((entry) => entry.startsWith('✗ IP allow-list:'));
    expect(line).toContain('ACCESS_DENIED_FROM_IP');
    expect(line).toMatch(/API settings/i);
  });

  it('fails on a budget above the REG.API limit', async () => {
    const run = await runCli(['doctor', '--sandbox'], cliEnv(home.home, { REGAPI_RATE_BUDGET: '5000' }));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ rate budget: 5000 requests per 60 minutes exceeds REG.API's 1200 per hour/);
  });

  it('fails on wrong credentials', async () => {
    const run = await runCli(['doctor'], cliEnv(home.home, { REGAPI_URL: sandbox.url, REGAPI_USERNAME: 'client-user', REGAPI_PASSWORD: 'wrong-password' }));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ credentials: \w*AUTH/);
    expect(run.stdout).not.toContain('wrong-password');
  });

  it('fails on a store it cannot open', async () => {
    // A regular file where the store's folder should be makes the store impossible to create.
    writeFileSync(join(home.home, 'blocker'), '');
    const run = await runCli(['doctor', '--sandbox', '--store', `sqlite:${join(home.home, 'blocker', 'x.db')}`], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ store: cannot open sqlite:/);
    expect(run.stdout).toMatch(/✓ credentials:/);
  });
});
