import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './support/fake-slack.js';
import { sendToSlackApp, slashCommandBody } from './support/signed.js';

const MAIN = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const SECRET = 'cli-test-signing-secret';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`regapi2 slack exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`regapi2 slack did not answer ${url}: ${stderr()}`);
}

describe('regapi2 slack without Slack settings', () => {
  it('exits 2 naming the missing settings', async () => {
    const home = mkdtempSync(join(tmpdir(), 'regapi2-slack-cli-'));
    const child = spawn(process.execPath, [MAIN, 'slack', '--sandbox', '--port', '1'], { env: { PATH: process.env.PATH, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    rmSync(home, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
  });

  it('rejects an invalid port before starting', async () => {
    const child = spawn(process.execPath, [MAIN, 'slack', '--port', '70000'], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    expect(await new Promise<number | null>((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toContain('--port 70000 is not a port number');
  });
});

/** The built binary, as a person runs it: `regapi2 slack --sandbox`. */
describe('regapi2 slack', () => {
  const slack = new FakeSlack();
  let child: ChildProcess;
  let port: number;
  let stderr = '';
  let home: string;

  beforeAll(async () => {
    await slack.start();
    port = await freePort();
    home = mkdtempSync(join(tmpdir(), 'regapi2-slack-cli-'));
    child = spawn(process.execPath, [MAIN, 'slack', '--sandbox', '--port', String(port)], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        SLACK_BOT_TOKEN: 'xoxb-cli-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        REGAPI_SLACK_APPROVAL_CHANNEL: 'CAPPROVALS',
        REGAPI_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, child, () => stderr);
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await slack.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('answers a signed slash command against the sandbox', async () => {
    const body = slashCommandBody({ text: 'check free-name.ru', userId: 'UCLI', responseUrl: slack.responseUrl('cli') });
    const delivery = await sendToSlackApp(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
    expect(delivery.status).toBe(200);
    await slack.waitFor('the answer', () => slack.responses('cli').length === 1, 20_000);
    expect(String(slack.responses('cli')[0].body.text)).toContain('free-name.ru');
  });

  it('logs to stderr and stops on SIGTERM', async () => {
    expect(stderr).toContain('Slack app listening');
    expect(stderr).not.toContain(SECRET);
    expect(stderr).not.toContain('xoxb-cli-test');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
