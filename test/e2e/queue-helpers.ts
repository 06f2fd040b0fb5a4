import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { loadConfig } from '../../src/core/config/index.js';
import { createCore, type Core } from '../../src/core/core.js';
import { createOperations } from '../../src/core/operations/index.js';
import type { OperationRecord, Operations, OperationState } from '../../src/core/operations/types.js';
import { openStore } from '../../src/core/store/index.js';
import type { Store } from '../../src/core/store/types.js';
import type { Sandbox, SandboxAccount } from '../../src/sandbox/index.js';

const WORKER_SCRIPT = resolve(import.meta.dirname, '../support/queue-worker.mjs');

/** A spawned queue worker process (test/support/queue-worker.mjs) and its stderr. */
export interface WorkerProcess {
  child: ChildProcess;
  stderr(): string;
  /** Stops the worker with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts a queue worker process on the store and the sandbox; resolves once it printed `ready`. */
export function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER_SCRIPT], {
    env: { PATH: process.env.PATH ?? '', HOME: env.HOME ?? tmpdir(), REGAPI_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`queue worker exited with ${code} before it was ready:\n${stderr}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (!chunk.includes('ready')) return;
      resolvePromise({
        child,
        stderr: () => stderr,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** The environment that points a worker process at the sandbox account and the store. */
export function workerEnv(sandbox: Sandbox, account: SandboxAccount, storeUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    REGAPI_URL: sandbox.url,
    REGAPI_USERNAME: account.username,
    REGAPI_PASSWORD: account.password,
    STORE_URL: storeUrl,
    ...extra,
  };
}

/** A temporary folder with a SQLite store URL in it. */
export function tempStore(): { storeUrl: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'regapi2-e2e-queue-'));
  return { storeUrl: `sqlite:${join(dir, 'store.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The operations API in the test process, on the same store and sandbox as the workers. */
export async function openOperations(
  sandbox: Sandbox,
  account: SandboxAccount,
  storeUrl: string,
  env: Record<string, string> = {},
): Promise<{ operations: Operations; store: Store; core: Core; close(): Promise<void> }> {
  const store = await openStore(storeUrl);
  const config = loadConfig({
    env: { REGAPI_URL: sandbox.url, REGAPI_USERNAME: account.username, REGAPI_PASSWORD: account.password, ...env },
    configFile: '/nonexistent/regapi2-test-config',
  });
  const core = createCore({ config, store });
  const operations = createOperations({ core, store });
  return {
    operations,
    store,
    core,
    async close() {
      await core.close();
      await store.close();
    },
  };
}

const UNSETTLED: readonly OperationState[] = ['approved', 'queued', 'sending', 'outcome_unknown'];

/** Polls until no operation in `ids` is still on its way, or `timeoutMs` passes; returns them all. */
export async function waitUntilSettled(operations: Operations, ids: readonly string[], timeoutMs: number): Promise<OperationRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await Promise.all(ids.map((id) => operations.get(id)));
    const records = all.filter((operation): operation is OperationRecord => operation !== null);
    const pending = records.filter((operation) => UNSETTLED.includes(operation.state) || (operation.state === 'awaiting_approval' && operation.decidedBy !== null));
    if (pending.length === 0 || Date.now() > deadline) return records;
    await new Promise((done) => setTimeout(done, 100));
  }
}
