import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PASSWORD, APPROVAL_CHANNEL, blocksText, startHarness, type Harness } from './support/harness.js';

const MAIN = new URL('../../dist/cli/main.js', import.meta.url).pathname;

/** Runs the built `regapi2` with the harness's store, sandbox and fake Slack, and returns its exit code and stderr. */
async function runCli(harness: Harness, args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      REGAPI_URL: harness.sandbox.url,
      REGAPI_USERNAME: 'team',
      REGAPI_PASSWORD: ACCOUNT_PASSWORD,
      REGAPI_STORE: harness.config.store,
      REGAPI_LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: 'xoxb-terminal',
      SLACK_API_URL: harness.slack.apiUrl,
      REGAPI_SLACK_APPROVAL_CHANNEL: APPROVAL_CHANNEL,
      // The terminal approver is the OS user; the approvers list names people of every tier.
      REGAPI_SLACK_APPROVERS: userInfo().username,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

/** The card is kept with the operation, so a process other than the Slack app edits it too. */
describe('approval card edited by another process', () => {
  let harness: Harness;
  let home: string;
  beforeAll(async () => {
    harness = await startHarness({ worker: false });
    home = mkdtempSync(join(tmpdir(), 'regapi2-slack-terminal-'));
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('follows a terminal approval', async () => {
    const { slack } = harness;
    const { name } = await harness.command('dns add example.ru TXT from-terminal');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    const ts = (operation.meta.slackCard as { ts: string }).ts;
    expect(slack.of('chat.update')).toHaveLength(0);

    const result = await runCli(harness, ['ops', 'approve', operation.id, '--confirm', 'example.ru'], home);
    expect(result.code, result.stderr).toBe(0);
    expect((await harness.operations.get(operation.id))?.state).toBe('queued');

    await slack.waitFor('the card edited by the terminal process', () => slack.of('chat.update').some((call) => call.body.ts === ts));
    const edit = slack.of('chat.update').filter((call) => call.body.ts === ts).at(-1)!.body;
    expect(edit.channel).toBe(APPROVAL_CHANNEL);
    expect(blocksText(edit)).toContain('в очереди');
    expect(blocksText(edit)).toContain(`cli:${userInfo().username}`);
    expect(blocksText(edit)).not.toContain('regapi_approve');
  });
});
