// Runs every benchmark in turn; `npm run bench` builds first and then runs this file.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

for (const script of ['client-vs-undici.js', 'mcp-startup.js']) {
  execFileSync(process.execPath, [resolve(import.meta.dirname, script)], { stdio: 'inherit' });
}
