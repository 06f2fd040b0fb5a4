// Measures the overhead of regapi2's client over a bare undici POST: N sequential `nop` calls each
// way against the sandbox on 127.0.0.1, in one process, in alternating rounds.
// Usage: node bench/client-vs-undici.js [CALLS_PER_ROUND] [ROUNDS]   (after npm run build)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { loadConfig } from '../dist/core/config/index.js';
import { createCore } from '../dist/core/core.js';
import { startSandbox } from '../dist/sandbox/index.js';
import { elapsedMs, median } from './stats.js';

const calls = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 5);
const WARMUP_CALLS = 50;

const home = mkdtempSync(join(tmpdir(), 'regapi2-bench-'));
// The sandbox's own limit (1,200 per hour, like REG.API) would stop the benchmark, so it is raised.
const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: { account: 1e9, ip: 1e9 } });
const config = loadConfig({
  flags: { apiUrl: sandbox.url, logLevel: 'silent' },
  env: { REGAPI_RATE_BUDGET: '1000000000' },
  homeDir: home,
});
const core = createCore({ config });

const agent = new Agent({ keepAliveTimeout: 30_000 });
const form = new URLSearchParams({
  username: 'test',
  password: 'test',
  input_format: 'json',
  input_data: '{}',
  io_encoding: 'utf8',
  lang: 'en',
}).toString();

async function bareNop() {
  const { statusCode, body } = await request(`${sandbox.url}/nop`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    dispatcher: agent,
  });
  const envelope = await body.json();
  if (statusCode !== 200 || envelope.result !== 'success') throw new Error(`bare nop failed: ${statusCode} ${JSON.stringify(envelope)}`);
}

async function clientNop() {
  await core.call('nop', {}, { fresh: true });
}

async function timeCalls(fn, count) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await fn();
  return elapsedMs(start) / count;
}

await timeCalls(bareNop, WARMUP_CALLS);
await timeCalls(clientNop, WARMUP_CALLS);
const bare = [];
const client = [];
for (let round = 0; round < rounds; round += 1) {
  bare.push(await timeCalls(bareNop, calls));
  client.push(await timeCalls(clientNop, calls));
}

const bareMs = median(bare);
const clientMs = median(client);
console.log(`client-vs-undici: ${calls} sequential nop calls per round, ${rounds} rounds, median per call`);
console.log(`  bare undici POST     ${bareMs.toFixed(3)} ms`);
console.log(`  regapi2 core.call    ${clientMs.toFixed(3)} ms`);
console.log(`  ratio                ${(clientMs / bareMs).toFixed(2)}x`);

await core.close();
await agent.close();
await sandbox.close();
rmSync(home, { recursive: true, force: true });
