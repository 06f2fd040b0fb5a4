import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSandboxArgs, SandboxUsageError } from '../../src/sandbox/cli.js';

const MAIN = new URL('../../dist/sandbox/main.js', import.meta.url).pathname;
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts the built sandbox and returns the first stdout line and the process. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ line: string; process: ChildProcess }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing; run npm run build before this test`);
  child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  return { line, process: child };
}

describe('sandbox command line', () => {
  it('prints REGAPI_URL and serves the configured account until SIGTERM', async () => {
    const { line, process: sandbox } = await startProcess(['--username', 'shop', '--domain', 'shop.ru'], { REGAPI_SANDBOX_PASSWORD: 'shop-pass' });
    expect(line).toMatch(/^REGAPI_URL=http:\/\/127\.0\.0\.1:\d+\/api\/regru2$/);
    const url = line.slice('REGAPI_URL='.length);

    const body = new URLSearchParams({ username: 'shop', password: 'shop-pass', input_format: 'json', input_data: '{"servtype":"domain"}' });
    const answer = (await (await fetch(`${url}/service/get_list`, { method: 'POST', body })).json()) as { answer: { services: Array<{ dname: string }> } };
    expect(answer.answer.services.map((service) => service.dname)).toEqual(['shop.ru']);

    sandbox.kill('SIGTERM');
    const [code] = (await once(sandbox, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits 2 and names a bad flag', async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing; run npm run build before this test`);
    child = spawn(process.execPath, [MAIN, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--port eighty');
  });

  it('reads the account from the environment', () => {
    const settings = parseSandboxArgs([], {
      REGAPI_SANDBOX_USERNAME: 'envuser',
      REGAPI_SANDBOX_PASSWORD: 'envpass',
      REGAPI_SANDBOX_PARTNER: '0',
      REGAPI_SANDBOX_BALANCE: '75',
      REGAPI_SANDBOX_DOMAINS: 'a.ru, b.ru',
    });
    expect(settings.options.accounts).toEqual([
      { username: 'envuser', password: 'envpass', partner: false, balance: 75, domains: ['a.ru', 'b.ru'] },
    ]);
  });

  it('prefers flags over the environment', () => {
    const settings = parseSandboxArgs(['--username', 'flaguser', '--rate-limit', '10'], { REGAPI_SANDBOX_USERNAME: 'envuser' });
    expect(settings.options.accounts?.[0]?.username).toBe('flaguser');
    expect(settings.options.rateLimit).toEqual({ account: 10, ip: 10 });
  });

  it('refuses the reserved test login', () => {
    expect(() => parseSandboxArgs(['--username', 'test'])).toThrow(SandboxUsageError);
  });
});
