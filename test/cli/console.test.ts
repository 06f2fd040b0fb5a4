import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, requestsTo, type TestSandbox } from '../mcp/sandbox.js';
import { cliEnv, makeHome, runCli } from './helpers.js';

describe('regapi2 console', () => {
  const home = makeHome();
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ accounts: [{ username: 'gem-user', password: 'gem-password', domains: ['example.ru'] }] });
  });

  afterAll(async () => {
    await sandbox?.close();
    home.remove();
  });

  it('reads ~/.regapi2 like the Ruby gem', async () => {
    const fileHome = makeHome();
    writeFileSync(join(fileHome.home, '.regapi2'), '# the Ruby gem format\nusername=gem-user\npassword = gem-password\n');
    try {
      const run = await runCli(['console'], cliEnv(fileHome.home, { REGAPI_URL: sandbox.url }), 'await common.nop()\n.exit\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('login gem-user');
      expect(run.stdout).toContain("login: 'gem-user'");
      expect(run.stdout).not.toContain('gem-password');
    } finally {
      fileHome.remove();
    }
  });

  it('proposes a write instead of sending it', async () => {
    const input = "await zone.addTxt({ domain_name: 'example.ru', subdomain: '_acme-challenge', text: 'tokenC' })\n.exit\n";
    const run = await runCli(['console'], cliEnv(home.home, { REGAPI_URL: sandbox.url, REGAPI_USERNAME: 'gem-user', REGAPI_PASSWORD: 'gem-password' }), input);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("state: 'awaiting_approval'");
    expect(requestsTo(sandbox, 'zone/add_txt')).toHaveLength(0);
  });

  it('offers no way around the approval', async () => {
    const input = "typeof core\nawait operations.list({})\n.exit\n";
    const run = await runCli(['console'], cliEnv(home.home, { REGAPI_URL: sandbox.url, REGAPI_USERNAME: 'gem-user', REGAPI_PASSWORD: 'gem-password' }), input);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("'undefined'");
    expect(run.stdout).not.toMatch(/approve:/);
  });

  it('runs a category call and prints the login', async () => {
    const run = await runCli(['console', '--sandbox'], cliEnv(home.home), 'await common.nop()\n.exit\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('login test');
    expect(run.stdout).toContain("login: 'test'");
  });
});
