// A queue worker process for the end-to-end tests: it opens the store, creates the core against the
// sandbox URL and runs the operations worker until SIGTERM. It imports the built code, so run
// `npm run build` first. Settings come from the environment:
//   STORE_URL          sqlite:PATH of the shared store (required)
//   REGAPI_URL, REGAPI_USERNAME, REGAPI_PASSWORD   the sandbox and its account (required)
//   WORKER_ID          name in leases and the journal (default worker-PID)
//   LEASE_MS, POLL_MS, RETRY_BASE_MS, RETRY_MAX_MS, MAX_ATTEMPTS   queue timing in milliseconds
//   APPROVE_AS         when set, the process also approves every pending operation as this person
// It prints one line `ready` on stdout once the worker runs.
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../dist');
const { openStore } = await import(`${dist}/core/store/index.js`);
const { loadConfig } = await import(`${dist}/core/config/index.js`);
const { createCore } = await import(`${dist}/core/core.js`);
const { createOperations } = await import(`${dist}/core/operations/index.js`);
const { createLogger } = await import(`${dist}/core/log.js`);

const env = process.env;
const number = (name, fallback) => (env[name] === undefined ? fallback : Number(env[name]));

const logger = createLogger(env.REGAPI_LOG_LEVEL ?? 'warn');
const store = await openStore(env.STORE_URL);
const config = loadConfig({ env, configFile: '/nonexistent/regapi2-test-config' });
const core = createCore({ config, logger, store });
const operations = createOperations({
  core,
  store,
  logger,
  workerId: env.WORKER_ID ?? `worker-${process.pid}`,
  leaseMs: number('LEASE_MS', undefined),
  retry: {
    baseDelayMs: number('RETRY_BASE_MS', 50),
    maxDelayMs: number('RETRY_MAX_MS', 500),
    maxAttempts: number('MAX_ATTEMPTS', 8),
  },
});
const worker = operations.startWorker({ pollMs: number('POLL_MS', 20) });

let approving = true;
const approver = (async () => {
  if (!env.APPROVE_AS) return;
  while (approving) {
    for (const operation of await operations.list({ states: ['awaiting_approval'] })) {
      try {
        await operations.approve(operation.id, { by: env.APPROVE_AS, tier: 'slack' });
      } catch (error) {
        // Another process approved it first: the compare-and-set lets only one approval through.
        if (error?.code !== 'OPERATION_STATE_CONFLICT') throw error;
      }
    }
    await new Promise((done) => setTimeout(done, 10));
  }
})();

process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  approving = false;
  await approver;
  await worker.stop();
  await core.close();
  await store.close();
  process.exit(0);
});
