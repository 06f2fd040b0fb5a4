import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { catalogue } from '../core/catalogue/index.js';
import { silentLogger } from '../core/log.js';
import { createControlHandler } from './control.js';
import { FaultRegistry } from './faults.js';
import { LockTable, SlidingWindowLimiter } from './limits.js';
import { createAccountState, createWorld, type AccountState, type World } from './model/state.js';
import { API_PREFIX, handleRequest, type ServerDependencies } from './server.js';
import type { RecordedRequest, SandboxCounters, SandboxMethod, SandboxOptions } from './types.js';
import { TEST_USERNAME } from './auth/authenticate.js';

export type * from './types.js';
export type { AccountState, ServiceRecord, ZoneRecord, BillState, FolderState } from './model/state.js';
export { signedText } from './auth/signature.js';

/** A running sandbox and the handles tests use to observe and steer it. */
export interface Sandbox {
  /** Base URL for REGAPI_URL: `http://127.0.0.1:PORT/api/regru2`. */
  url: string;
  port: number;
  host: string;
  /** Every request received, oldest first (up to `maxRecordedRequests`). */
  readonly requests: readonly RecordedRequest[];
  readonly counters: SandboxCounters;
  faults: FaultRegistry;
  /** The live model of a configured account; undefined for `test` and unknown names. */
  state(username: string): AccountState | undefined;
  /** Restores every account to its seed and clears requests, counters, faults, rate windows and locks. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_RATE_LIMIT = 1200;
const HOUR_MS = 3_600_000;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function emptyCounters(): SandboxCounters {
  return {
    requestsByAccount: {},
    requestsByIp: {},
    billingCalls: 0,
    maxConcurrentBilling: 0,
    billingLockAnswers: 0,
    domainOrderLockAnswers: 0,
    rateLimitAnswers: 0,
  };
}

/** Builds the accounts from their seeds; user ids follow the order of `options.accounts`, from 1. */
function buildWorld(options: SandboxOptions, world: World): void {
  world.accounts.clear();
  (options.accounts ?? []).forEach((seed, index) => {
    world.accounts.set(seed.username, createAccountState(seed, world, index + 1));
  });
}

function validateOptions(options: SandboxOptions): void {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new Error(`Sandbox host ${host} is not a loopback address; use 127.0.0.1, because the sandbox and its control routes are for local tests only`);
  }
  const names = new Set<string>();
  for (const account of options.accounts ?? []) {
    if (account.username === TEST_USERNAME) {
      throw new Error('Sandbox account "test" is reserved for REG.API\'s public test account; choose another username');
    }
    if (names.has(account.username)) throw new Error(`Sandbox account ${account.username} is configured twice`);
    names.add(account.username);
  }
}

/**
 * Starts a REG.API server on loopback that behaves as REG.API's documentation describes, with the
 * public test account, configured accounts with live state, rate limits, locks and fault injection.
 */
export async function startSandbox(options: SandboxOptions & { logger?: Logger } = {}): Promise<Sandbox> {
  validateOptions(options);
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const methods = new Map<string, SandboxMethod>((options.methods ?? catalogue).map((method) => [method.path, method]));
  const world = createWorld();
  buildWorld(options, world);

  const requests: RecordedRequest[] = [];
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  const counters = emptyCounters();
  const faults = new FaultRegistry(options.seed ?? 1);
  const windowMs = options.rateLimit?.windowMs ?? HOUR_MS;
  const accountLimiter = new SlidingWindowLimiter(options.rateLimit?.account ?? DEFAULT_RATE_LIMIT, windowMs);
  const ipLimiter = new SlidingWindowLimiter(options.rateLimit?.ip ?? DEFAULT_RATE_LIMIT, windowMs);
  const locks = new LockTable();
  const openBilling = new Map<string, number>();
  const closing = new AbortController();
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (closing.signal.aborted) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
      closing.signal.addEventListener('abort', () => resolve(), { once: true });
    });

  const reset = (): void => {
    const fresh = createWorld();
    Object.assign(world, { nextServiceId: fresh.nextServiceId, nextBillId: fresh.nextBillId, nextFolderId: fresh.nextFolderId });
    buildWorld(options, world);
    requests.splice(0, requests.length);
    Object.assign(counters, emptyCounters());
    faults.clear();
    accountLimiter.reset();
    ipLimiter.reset();
    locks.reset();
    openBilling.clear();
  };

  const deps: ServerDependencies = {
    methods,
    world,
    accountLimiter,
    ipLimiter,
    locks,
    counters,
    openBilling,
    billingHoldMs: options.billingHoldMs ?? 0,
    sleep,
    faults,
    logger,
    recorder: (entry) => {
      requests.push(entry);
      if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
    },
    handleControl: createControlHandler({
      logger,
      faults,
      requests: () => requests,
      counters: () => counters,
      state: (username) => world.accounts.get(username),
      reset,
    }),
  };

  const server = createServer((request, response) => {
    handleRequest(deps, request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'sandbox request failed');
      if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}${API_PREFIX.replace(/\/$/, '')}`;
  logger.info({ url, accounts: [...world.accounts.keys()] }, 'sandbox started');

  return {
    url,
    port,
    host,
    requests,
    counters,
    faults,
    state: (username) => world.accounts.get(username),
    reset,
    close: async () => {
      closing.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      logger.info({ url }, 'sandbox stopped');
    },
  };
}
