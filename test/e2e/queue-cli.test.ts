import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox, type SandboxAccount } from '../../src/sandbox/index.js';
import { CLI, cliEnv, makeHome, runCli, type CliRun } from '../cli/helpers.js';
import { openOperations, spawnWorker, tempStore, waitUntilSettled, workerEnv, type WorkerProcess } from './queue-helpers.js';

const ACCOUNT: SandboxAccount = {
  username: 'terminal-client',
  password: 'Terminal-Pa55',
  balance: 1000,
  domains: [{ dname: 'example.ru', service_id: 4001, expiration_date: '2027-03-01' }],
  prices: { ru: 199 },
};

const ME = `cli:${userInfo().username}`;

describe('regapi2 ops and call on the queue', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  let storeUrl: string;
  const cleanups: (() => Promise<void> | void)[] = [];
  const workers: WorkerProcess[] = [];

  beforeEach(async () => {
    sandbox = await startSandbox({ accounts: [ACCOUNT] });
    const store = tempStore();
    storeUrl = store.storeUrl;
    const home = makeHome();
    cleanups.push(store.remove, home.remove);
    env = cliEnv(home.home, {
      REGAPI_URL: sandbox.url,
      REGAPI_USERNAME: ACCOUNT.username,
      REGAPI_PASSWORD: ACCOUNT.password,
      REGAPI_STORE: storeUrl,
    });
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await sandbox.close();
  });

  async function proposeTxt(): Promise<string> {
    const proposed = await runCli(['call', 'zone/add_txt', 'domains=[{"dname":"example.ru"}]', 'subdomain=_acme-challenge', 'text=abc123'], env);
    expect(proposed.code).toBe(0);
    return (JSON.parse(proposed.stdout) as { id: string }).id;
  }

  it('proposes a write from call and runs it after approval', async () => {
    const proposed = await runCli(['call', 'zone/add_txt', 'domains=[{"dname":"example.ru"}]', 'subdomain=_acme-challenge', 'text=abc123'], env);

    expect(proposed.code).toBe(0);
    const operation = JSON.parse(proposed.stdout) as { id: string; state: string; requestedBy: string };
    expect(operation.state).toBe('awaiting_approval');
    expect(operation.requestedBy).toBe(ME);
    expect(proposed.stderr).toContain(`regapi2 ops approve ${operation.id} --confirm "example.ru"`);
    expect(proposed.stderr).toContain('+ _acme-challenge TXT "abc123"');
    expect(sandbox.requests.filter((request) => request.path.endsWith('/zone/add_txt'))).toHaveLength(0);

    const listed = await runCli(['ops', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`Awaiting approval:\\n  ${operation.id}  awaiting_approval`));

    const approved = await runCli(['ops', 'approve', operation.id, '--confirm', 'example.ru'], env);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`Approved ${operation.id}; it is queued.`);

    workers.push(await spawnWorker(workerEnv(sandbox, ACCOUNT, storeUrl)));
    const local = await openOperations(sandbox, ACCOUNT, storeUrl);
    cleanups.push(() => local.close());
    const [done] = await waitUntilSettled(local.operations, [operation.id], 20_000);
    expect(done?.state).toBe('done');

    const shown = await runCli(['ops', 'show', operation.id], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('State:      done');
    expect(shown.stdout).toContain(`Decided:    ${ME}`);
    expect(shown.stdout).toMatch(/Journal:\n[\s\S]* request +worker-/);
    expect(shown.stdout).not.toContain(ACCOUNT.password);

    const json = await runCli(['ops', 'show', operation.id, '--json'], env);
    const parsed = JSON.parse(json.stdout) as { operation: { state: string }; journal: { kind: string }[] };
    expect(parsed.operation.state).toBe('done');
    expect(parsed.journal.map((entry) => entry.kind)).toContain('request');
  });

  it('waits for the outcome with call --wait', async () => {
    workers.push(await spawnWorker(workerEnv(sandbox, ACCOUNT, storeUrl)));
    const local = await openOperations(sandbox, ACCOUNT, storeUrl);
    cleanups.push(() => local.close());
    const waiting = runCli(['call', '--wait', 'zone/add_txt', 'domains=[{"dname":"example.ru"}]', 'subdomain=www', 'text=waited'], env);

    let pending = await local.operations.list({ states: ['awaiting_approval'] });
    for (let waited = 0; pending.length === 0 && waited < 15_000; waited += 50) {
      await new Promise((done) => setTimeout(done, 50));
      pending = await local.operations.list({ states: ['awaiting_approval'] });
    }
    expect(pending).toHaveLength(1);
    await local.operations.approve(pending[0]!.id, { by: 'slack:U9', tier: 'slack' });
    const finished = await waiting;

    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({ id: pending[0]!.id, state: 'done' });
  });

  it('asks for the confirmation at a terminal', async () => {
    const id = await proposeTxt();
    // util-linux `script` runs the command on a pseudo-terminal, so stdin is a TTY as at a shell.
    const approved = await new Promise<CliRun>((resolvePromise, reject) => {
      const child = spawn('script', ['-qec', `${process.execPath} ${CLI} ops approve ${id}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('to approve: ')) child.stdin.write('EXAMPLE.RU\n');
      });
      child.on('error', reject);
      child.on('close', (code) => resolvePromise({ code, stdout, stderr: '' }));
    });

    expect(approved.stdout).toContain('Type example.ru to approve: ');
    expect(approved.stdout).toContain(`Approved ${id}; it is queued.`);
    expect(approved.code).toBe(0);
  });

  it('asks for --confirm when stdin is not a terminal', async () => {
    const id = await proposeTxt();
    const approved = await runCli(['ops', 'approve', id], env);

    expect(approved.code).toBe(2);
    expect(approved.stderr).toContain('--confirm example.ru');
  });

  it('rejects a wrong confirmation', async () => {
    const id = await proposeTxt();
    const approved = await runCli(['ops', 'approve', id, '--confirm', 'other.ru'], env);

    expect(approved.code).toBe(1);
    expect(JSON.parse(approved.stderr).error).toMatchObject({ code: 'APPROVAL_DENIED' });
  });

  it('rejects approving your own billing operation', async () => {
    const proposed = await runCli(['call', 'service/renew', 'service_id=4001', 'period=1'], env);
    expect(proposed.code).toBe(0);
    const { id } = JSON.parse(proposed.stdout) as { id: string };

    const approved = await runCli(['ops', 'approve', id, '--confirm', '4001'], env);

    expect(approved.code).toBe(1);
    expect(JSON.parse(approved.stderr).error).toMatchObject({ code: 'APPROVAL_DENIED' });
    expect(approved.stderr).toContain('cannot approve it too');
  });

  it('rejects an operation', async () => {
    const id = await proposeTxt();
    const rejected = await runCli(['ops', 'reject', id, '--reason', 'typo in the value'], env);
    const again = await runCli(['ops', 'approve', id, '--confirm', 'example.ru'], env);

    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain(`Rejected ${id}; nothing was sent.`);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr).error).toMatchObject({ code: 'OPERATION_STATE_CONFLICT', state: 'rejected' });
  });

  it('rejects a malformed operation id', async () => {
    const shown = await runCli(['ops', 'show', 'not-an-id'], env);

    expect(shown.code).toBe(2);
    expect(shown.stderr).toContain('"not-an-id" is not an operation id');
  });
});
