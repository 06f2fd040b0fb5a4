// Measures the time from spawning `regapi2 mcp --sandbox` to its answer to `tools/list`, next to
// the time to spawn and finish `node -e 0` as the baseline.
// Usage: node bench/mcp-startup.js [RUNS]   (after npm run build)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { elapsedMs, median } from './stats.js';

const runs = Number(process.argv[2] ?? 7);
const cli = resolve(import.meta.dirname, '../dist/cli/main.js');
const home = mkdtempSync(join(tmpdir(), 'regapi2-bench-'));
const env = { PATH: process.env.PATH ?? '', HOME: home, REGAPI_LOG_LEVEL: 'error' };

function spawnBaseline() {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', fail);
    child.on('exit', () => done(elapsedMs(start)));
  });
}

function send(child, message) {
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
}

/** Spawns the server, initializes, asks for tools/list and stops the clock at the answer. */
function spawnServer() {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'mcp', '--sandbox'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffered = '';
    child.on('error', fail);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) !== -1) {
        const message = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        if (message.id === 1) {
          send(child, { method: 'notifications/initialized' });
          send(child, { id: 2, method: 'tools/list' });
        } else if (message.id === 2) {
          const ms = elapsedMs(start);
          const tools = message.result.tools.length;
          child.stdin.end();
          child.once('exit', () => done({ ms, tools }));
        }
      }
    });
    send(child, {
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } },
    });
  });
}

const baseline = [];
const server = [];
let tools = 0;
for (let run = 0; run < runs; run += 1) {
  baseline.push(await spawnBaseline());
  const result = await spawnServer();
  server.push(result.ms);
  tools = result.tools;
}

console.log(`mcp-startup: ${runs} runs, median`);
console.log(`  node -e 0                                  ${median(baseline).toFixed(0)} ms`);
console.log(`  regapi2 mcp --sandbox to tools/list answer ${median(server).toFixed(0)} ms (${tools} tools)`);
rmSync(home, { recursive: true, force: true });
