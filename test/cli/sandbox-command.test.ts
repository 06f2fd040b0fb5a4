import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cliEnv, makeHome, runCli } from './helpers.js';

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
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0].replace(/^REGAPI_URL=/, ''));
      });
      void exited.then((code) => reject(new Error(`regapi2 sandbox exited with ${code} before printing its URL:\n${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/regru2$/);

    // The account with state answers too, under the default demo login.
    const demo = await fetch(`${url}/service/get_list`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'demo', password: 'demo', input_format: 'json', input_data: '{"servtype":"domain"}' }),
    });
    const listed = (await demo.json()) as { answer: { services: { dname: string }[] } };
    expect(listed.answer.services.map((service) => service.dname)).toContain('example.ru');

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
    expect(run.stderr).toContain('Usage: regapi2 sandbox');
  });
});
