import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '../../core/core.js';
import type { Logger } from '../../core/log.js';
import { createOperations } from '../../core/operations/index.js';
import type { Operations, OperationNotifier } from '../../core/operations/types.js';
import type { Store } from '../../core/store/types.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { slackNotifiers } from '../../slack/index.js';
import { openRuntime } from '../runtime.js';
import { untilStopSignal } from '../signals.js';

const usage = `Usage: regapi2 worker [--poll-ms N] [--lease-ms N] [--worker-id ID] [options]

Runs the write queue's worker alone. It sends approved operations to REG.API one at a time per
REG.RU account, reconciles operations whose outcome is unknown and expires stale approvals. Run
several replicas on one postgres:// store: the store lets one operation per account be in flight
across all of them. Stop it with SIGTERM or Ctrl-C, and the operation in flight finishes first.

  --poll-ms N          milliseconds between looks at the queue when it is empty (default 1000)
  --lease-ms N         milliseconds a claimed operation stays leased without renewal; a crashed
                       worker's operation is reconciled after this (default: twice REGAPI_TIMEOUT_MS
                       plus 30000). Must be longer than REGAPI_TIMEOUT_MS
  --worker-id ID       name of this worker in leases and the journal (default HOST:PID:RANDOM)

${COMMON_OPTIONS_HELP}`;

export interface QueueWorkerOptions {
  core: Core;
  store: Store;
  logger: Logger;
  workerId: string;
  pollMs: number;
  leaseMs?: number;
  notifiers?: OperationNotifier[];
}

export interface QueueWorker {
  operations: Operations;
  /** Stops taking operations and resolves once the one in flight has finished. */
  stop(): Promise<void>;
}

/** Builds a worker id unique across machines and restarts: the host, the process id and random hex. */
export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Parses a positive whole number of milliseconds, or raises a UsageError naming the option and the value. */
export function parseMilliseconds(option: string, text: string | undefined, help: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) {
    throw new UsageError(`--${option} ${text} is not a positive number of milliseconds; give a whole number such as 1000`, help);
  }
  return value;
}

/**
 * Starts the queue worker of this process. Each round of its loop expires stale approvals,
 * reconciles operations whose outcome is unknown (including those a crashed replica left in
 * `sending`) and then runs due operations.
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const { core, store, logger, workerId } = options;
  const operations = createOperations({ core, store, logger, workerId, leaseMs: options.leaseMs, notifiers: options.notifiers });
  const worker = operations.startWorker({ pollMs: options.pollMs });
  logger.info({ workerId, store: store.kind, account: core.config.username }, 'queue worker running');
  return { operations, stop: async () => await worker.stop() };
}

async function run(argv: string[]): Promise<number> {
  const options = {
    ...COMMON_OPTIONS,
    'poll-ms': { type: 'string' },
    'lease-ms': { type: 'string' },
    'worker-id': { type: 'string' },
  } as const;
  const { values } = parseCommandArgs(argv, usage, options, false);
  const pollMs = parseMilliseconds('poll-ms', values['poll-ms'] as string | undefined, usage) ?? 1_000;
  const leaseMs = parseMilliseconds('lease-ms', values['lease-ms'] as string | undefined, usage);
  const workerId = typeof values['worker-id'] === 'string' && values['worker-id'] !== '' ? values['worker-id'] : defaultWorkerId();

  const runtime = await openRuntime(configFlags(values));
  try {
    const { core, config, logger } = runtime;
    if (leaseMs !== undefined && leaseMs <= config.responseTimeoutMs) {
      throw new UsageError(
        `--lease-ms ${leaseMs} is not longer than the response timeout of ${config.responseTimeoutMs} ms, so a slow response would let a second worker send on the same account. Give more than ${config.responseTimeoutMs}`,
        usage,
      );
    }
    // openRuntime raises a ConfigError when the store cannot open, so a store is always present here.
    const notifiers = slackNotifiers({ config, store: runtime.store!, logger });
    const worker = startQueueWorker({ core, store: runtime.store!, logger, workerId, pollMs, leaseMs, notifiers });
    const signal = await untilStopSignal();
    logger.info({ signal, workerId }, 'stopping the queue worker after the operation in flight');
    await worker.stop();
    return EXIT_OK;
  } finally {
    await runtime.close();
  }
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run the write queue worker alone, for scale-out deployments',
  usage,
  run,
};
