import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, requestsTo, type TestSandbox } from '../mcp/sandbox.js';
import { cliEnv, errorJson, makeHome, runCli } from './helpers.js';

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

  it('serves a repeated read from the cache unless --fresh', async () => {
    const before = requestsTo(sandbox, 'service/get_list').length;
    for (const args of [[], [], ['--fresh']]) {
      const run = await runCli(['call', 'service/get_list', 'servtype=domain', ...args], env);
      expect(run.code, run.stderr).toBe(0);
    }
    // The first call fills the store's cache, the second reads it, --fresh asks REG.API again.
    expect(requestsTo(sandbox, 'service/get_list').length - before).toBe(2);
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
    const run = await runCli(['call', 'domain/check', 'domain_name=[123]'], env);
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
