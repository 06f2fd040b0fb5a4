import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { z } from 'zod';
import { catalogue } from '../../src/core/catalogue/index.js';
import { CLI } from '../cli/helpers.js';

export interface StdioSession {
  client: Client;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Starts the built `regapi2 mcp` with `args` and connects the SDK client over stdio. */
export async function connectStdio(args: string[], env: Record<string, string>): Promise<StdioSession> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', ...args], env, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'regapi2-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

export interface RawServer {
  child: ChildProcessWithoutNullStreams;
  /** Sends one JSON-RPC message as a line on stdin. */
  send(message: Record<string, unknown>): void;
  /** Resolves with the response whose id is `id`. */
  response(id: number): Promise<Record<string, unknown>>;
  stdoutLines(): string[];
  stderr(): string;
  /** Closes stdin and resolves when the process exits. */
  stop(): Promise<number | null>;
}

/** Spawns `node [nodeArgs] dist/cli/main.js mcp args` and speaks JSON-RPC on its stdio without the SDK. */
export function spawnRaw(nodeArgs: string[], args: string[], env: Record<string, string>): RawServer {
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'mcp', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting = new Map<number, (message: Record<string, unknown>) => void>();
  const received = new Map<number, Record<string, unknown>>();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    partial += chunk;
    let newline: number;
    while ((newline = partial.indexOf('\n')) !== -1) {
      const line = partial.slice(0, newline);
      partial = partial.slice(newline + 1);
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // The test itself reports lines that are not JSON.
      }
      if (typeof message.id === 'number') {
        received.set(message.id, message);
        waiting.get(message.id)?.(message);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    send: (message) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`),
    response: (id) =>
      new Promise((resolve) => {
        const done = received.get(id);
        if (done) resolve(done);
        else waiting.set(id, resolve);
      }),
    stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
    stderr: () => stderr,
    stop: () => {
      child.stdin.end();
      return exited;
    },
  };
}

export const INITIALIZE = {
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-test', version: '0' } },
};

/**
 * Operations whose catalogue input takes open-ended fields (options that differ per service type)
 * with a typed catch-all. Their tools keep that catch-all instead of `additionalProperties: false`.
 */
export const openEndedTools = new Set(
  catalogue
    .filter((def) => typeof (z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as { additionalProperties?: unknown }).additionalProperties === 'object')
    .map((def) => def.toolName),
);
