// Sends a burst of reads through the core on a shared store, for the rate-budget end-to-end test.
// It imports the built code, so run `npm run build` first. Settings come from the environment:
//   STORE_URL, REGAPI_URL, REGAPI_USERNAME, REGAPI_PASSWORD, REGAPI_RATE_BUDGET (required)
//   READS         how many reads to send (default 1000)
//   CONCURRENCY   how many are in flight at once (default 20)
// It prints one JSON line: {"sent": N, "limited": N, "other": N}.
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../dist');
const { openStore } = await import(`${dist}/core/store/index.js`);
const { loadConfig } = await import(`${dist}/core/config/index.js`);
const { createCore } = await import(`${dist}/core/core.js`);
const { RateLimitedError } = await import(`${dist}/core/client/errors.js`);

const store = await openStore(process.env.STORE_URL);
const config = loadConfig({ env: process.env, configFile: '/nonexistent/regapi2-test-config' });
const core = createCore({ config, store });

const reads = Number(process.env.READS ?? 1000);
const concurrency = Number(process.env.CONCURRENCY ?? 20);
const counts = { sent: 0, limited: 0, other: 0 };
let next = 0;

async function lane() {
  while (next < reads) {
    next += 1;
    try {
      await core.call('user/get_balance', {}, { fresh: true });
      counts.sent += 1;
    } catch (error) {
      if (error instanceof RateLimitedError && error.scope === 'local') counts.limited += 1;
      else counts.other += 1;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, lane));
await core.close();
await store.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
