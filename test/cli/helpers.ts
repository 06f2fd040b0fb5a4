import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built command line; tests run `npm run build` first. */
export const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh home folder, so no test reads a real ~/.regapi2 or writes to a real ~/.regapi2.db. */
export function makeHome(): { home: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'regapi2-cli-'));
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/**
 * The environment of a spawned regapi2: PATH and a temporary HOME, and none of the caller's REGAPI_*
 * or proxy variables, so every request goes where the test points it.
 */
export function cliEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, REGAPI_LOG_LEVEL: 'warn', ...extra };
}

/** Runs the built CLI to completion, feeding `input` on stdin. */
export function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** Parses the `{ "error": ... }` object that `regapi2 call` prints on stderr after any log lines. */
export function errorJson(stderr: string): Record<string, unknown> {
  const start = stderr.indexOf('{\n  "error"');
  if (start === -1) throw new Error(`no error object on stderr:\n${stderr}`);
  const end = stderr.indexOf('\n}\n', start);
  return (JSON.parse(stderr.slice(start, end + 2)) as { error: Record<string, unknown> }).error;
}
