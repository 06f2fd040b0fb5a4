import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/core.js';
import { createOperations } from '../../../src/core/operations/index.js';
import type { Operations, OperationRecord } from '../../../src/core/operations/types.js';
import { openStore } from '../../../src/core/store/index.js';
import type { Store } from '../../../src/core/store/types.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { SandboxAccount } from '../../../src/sandbox/types.js';
import { sandboxConfig } from '../../support/core.js';

/** One REG.API request the sandbox received, as the method path and the parsed `input_data`. */
export interface SentCall {
  path: string;
  input: Record<string, unknown>;
}

/**
 * A sandbox with one stateful account, a core on a fresh SQLite store pointed at it, and the
 * operations queue on that store. Every test of the DNS helpers and previews starts one.
 */
export interface World {
  sandbox: Sandbox;
  core: Core;
  store: Store;
  operations: Operations;
  /** The number of requests the sandbox has seen; pass it to `sentSince`. */
  mark(): number;
  /** The requests the sandbox received after `mark`, oldest first. */
  sentSince(mark: number): SentCall[];
  /** Proposes a write, approves it at the "terminal" with the preview's confirmation, runs it once. */
  run(path: string, input: Record<string, unknown>): Promise<OperationRecord>;
  close(): Promise<void>;
}

export async function startWorld(account: Omit<SandboxAccount, 'password'>, env: Record<string, string> = {}): Promise<World> {
  const password = `pw-${account.username}`;
  const sandbox = await startSandbox({ accounts: [{ ...account, password }] });
  const dir = mkdtempSync(join(tmpdir(), 'regapi2-dns-'));
  const store = await openStore(`sqlite:${join(dir, 'store.db')}`);
  const core = createCore({
    config: sandboxConfig(sandbox.url, { REGAPI_USERNAME: account.username, REGAPI_PASSWORD: password, ...env }),
    store,
  });
  const operations = createOperations({ core, store });

  const sentSince = (mark: number): SentCall[] =>
    sandbox.requests.slice(mark).map((request) => {
      const raw = request.fields.input_data;
      return {
        path: request.path.replace(/^\/api\/regru2\//, ''),
        input: typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : {},
      };
    });

  return {
    sandbox,
    core,
    store,
    operations,
    mark: () => sandbox.requests.length,
    sentSince,
    async run(path, input) {
      const proposed = await operations.propose({ path, input, requestedBy: 'cli:tester' });
      await operations.approve(proposed.id, { by: 'cli:approver', tier: 'terminal', confirmation: proposed.preview?.confirmWith });
      const ran = await operations.runNext();
      if (!ran) throw new Error(`operation ${proposed.id} was not run`);
      return ran;
    },
    async close() {
      await core.close();
      await store.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
