import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, requestsTo, type TestSandbox } from '../mcp/sandbox.js';
import { CLI, cliEnv, errorJson, makeHome, runCli } from './helpers.js';

describe('regapi2 call', () => {
  const home = makeHome();
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startTestSandbox({});
    env = cliEnv(home.home, { REGAPI_URL: sandbox.url });
  });

  afterAll(async () => {
    await sandbox?.close();
    home.remove();
  });

  it('prints the answer as JSON', async () => {
    const run = await runCli(['call', 'nop'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ login: 'test' });
  });

  it('takes key=value and the domains shorthand', async () => {
    const before = requestsTo(sandbox, 'domain/check').length;
    const run = await runCli(['call', 'domain/check', 'domains=example.ru,пример.рф'], env);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { domains: Array<{ dname: string }> };
    expect(answer.domains).toHaveLength(2);
    const sent = requestsTo(sandbox, 'domain/check').slice(before);
    expect(sent).toHaveLength(1);
    const input = JSON.parse(String(sent[0].fields.input_data)) as { domains: Array<{ dname: string }> };
    expect(input.domains.map((item) => item.dname)).toEqual(['example.ru', 'xn--e1afmkfd.xn--p1ai']);
  });

  it('takes a tool name and --json', async () => {
    const run = await runCli(['call', 'domain_check', '--json', '{"domain_name":"example.ru"}'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('domains');
  });

  it('rejects bad input naming the field and sends nothing', async () => {
    const before = sandbox.requests.length;
    const run = await runCli(['call', 'domain/check', 'domain_name=123'], env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const error = errorJson(run.stderr) as { code: string; message: string };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('domain_name');
    expect(sandbox.requests.length).toBe(before);
  });

  it('rejects an unknown key naming it', async () => {
    const before = sandbox.requests.length;
    const run = await runCli(['call', 'nop', 'surprise=1'], env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('surprise');
    expect(sandbox.requests.length).toBe(before);
  });

  it('proposes a write instead of sending it', async () => {
    const run = await runCli(['call', 'zone/add_txt', 'domain_name=example.ru', 'subdomain=_acme-challenge', 'text=abc123'], env);
    expect(run.code, run.stderr).toBe(0);
    const operation = JSON.parse(run.stdout) as { id: string; state: string };
    expect(operation.state).toBe('awaiting_approval');
    expect(run.stderr).toContain(`regapi2 ops approve ${operation.id}`);
    expect(requestsTo(sandbox, 'zone/add_txt')).toHaveLength(0);
  });

  it('prints a REG.API error with code and hint', async () => {
    const run = await runCli(['call', 'nop'], { ...env, REGAPI_USERNAME: 'nobody', REGAPI_PASSWORD: 'wrong-password' });
    expect(run.code, run.stderr).toBe(1);
    const error = errorJson(run.stderr) as { code: string; hint: string };
    expect(error.code).toMatch(/AUTH/);
    expect(error.hint.length).toBeGreaterThan(10);
    expect(run.stderr).not.toContain('wrong-password');
  });

  it('rejects an unknown method with usage', async () => {
    const run = await runCli(['call', 'domain/teleport'], env);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('domain/teleport');
    expect(run.stderr).toContain('Usage: regapi2 call');
  });

  it('rejects a malformed argument', async () => {
    const run = await runCli(['call', 'nop', 'justaword'], env);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('justaword');
  });
});

describe('regapi2 command line', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  for (const command of ['mcp', 'call', 'console', 'doctor', 'sandbox']) {
    it(`shows help for ${command}`, async () => {
      const run = await runCli([command, '--help'], cliEnv(home.home));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.startsWith(`Usage: regapi2 ${command}`)).toBe(true);
    });
  }

  it('shows the command list', async () => {
    const run = await runCli(['--help'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(0);
    for (const command of ['mcp', 'call', 'console', 'doctor', 'sandbox']) expect(run.stdout).toContain(`  ${command}`);
  });

  it('rejects an unknown command', async () => {
    const run = await runCli(['frobnicate'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('"frobnicate"');
    expect(run.stderr).toContain('Usage: regapi2');
  });

  it('rejects an unknown flag', async () => {
    const run = await runCli(['doctor', '--frobnicate'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--frobnicate');
    expect(run.stderr).toContain('Usage: regapi2 doctor');
  });

  it('rejects a bad setting naming it', async () => {
    const run = await runCli(['call', 'nop', '--sandbox', '--lang', 'fr'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--lang');
    expect(run.stdout).toBe('');
  });
});

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

  it('runs a category call and prints the login', async () => {
    const run = await runCli(['console', '--sandbox'], cliEnv(home.home), 'await common.nop()\n.exit\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('login test');
    expect(run.stdout).toContain("login: 'test'");
  });
});

describe('regapi2 sandbox', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('prints its URL and serves nop', async () => {
    const child = spawn(process.execPath, [CLI, 'sandbox', '--port', '0'], { env: cliEnv(home.home), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
      });
      void exited.then((code) => reject(new Error(`regapi2 sandbox exited with ${code} before printing its URL:\n${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/regru2$/);

    const response = await fetch(`${url}/nop`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'test', password: 'test', input_format: 'json', input_data: '{}' }),
    });
    expect(((await response.json()) as { result: string }).result).toBe('success');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('rejects a bad port', async () => {
    const run = await runCli(['sandbox', '--port', 'eighty'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--port eighty');
  });
});
