import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox, type SandboxAccount } from '../../src/sandbox/index.js';
import { tempStore, workerEnv } from './queue-helpers.js';

const run = promisify(execFile);
const BURST_SCRIPT = resolve(import.meta.dirname, '../support/read-burst.mjs');
const BUDGET = 100;

const ACCOUNT: SandboxAccount = { username: 'reader', password: 'Reader-Pa55', balance: 10 };

describe('shared rate budget', () => {
  let sandbox: Sandbox;
  const cleanups: (() => void)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await sandbox.close();
  });

  it('caps a burst from two processes', async () => {
    sandbox = await startSandbox({ accounts: [ACCOUNT] });
    const { storeUrl, remove } = tempStore();
    cleanups.push(remove);
    const env = {
      ...workerEnv(sandbox, ACCOUNT, storeUrl),
      PATH: process.env.PATH ?? '',
      REGAPI_RATE_BUDGET: String(BUDGET),
      REGAPI_LOG_LEVEL: 'silent',
      READS: '1000',
    };

    const outputs = await Promise.all([0, 1].map(() => run(process.execPath, [BURST_SCRIPT], { env })));
    const counts = outputs.map(({ stdout }) => JSON.parse(stdout) as { sent: number; limited: number; other: number });

    expect(sandbox.counters.requestsByAccount[ACCOUNT.username]).toBe(BUDGET);
    expect(counts.reduce((sum, count) => sum + count.sent, 0)).toBe(BUDGET);
    expect(counts.reduce((sum, count) => sum + count.limited, 0)).toBe(2_000 - BUDGET);
    expect(counts.map((count) => count.other)).toEqual([0, 0]);
  });
});
