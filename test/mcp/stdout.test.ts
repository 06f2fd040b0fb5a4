import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, makeHome } from '../cli/helpers.js';
import { INITIALIZE, spawnRaw } from './helpers.js';

const NOISY_DEPENDENCY = resolve(import.meta.dirname, 'fixtures/noisy-dependency.mjs');

describe('stdout of mcp over stdio', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('carries only JSON-RPC with debug logs and a noisy dependency', async () => {
    // The sandbox account of this login has no domain not-mine.ru, so the call fails and the failure path logs too.
    const env = cliEnv(home.home, { REGAPI_LOG_LEVEL: 'debug', REGAPI_USERNAME: 'nobody', REGAPI_PASSWORD: 'some-password' });
    const server = spawnRaw(['--import', NOISY_DEPENDENCY], ['--sandbox', '--toolsets', 'all'], env);

    server.send({ id: 1, ...INITIALIZE });
    const initialized = await server.response(1);
    expect(initialized.result).toBeDefined();
    server.send({ method: 'notifications/initialized' });
    server.send({ id: 2, method: 'tools/list' });
    const listed = await server.response(2);
    expect(((listed.result as { tools: unknown[] }).tools).length).toBeGreaterThan(40);
    server.send({ id: 3, method: 'tools/call', params: { name: 'zone_get_resource_records', arguments: { domains: [{ dname: 'not-mine.ru' }] } } });
    const failed = await server.response(3);
    expect((failed.result as { isError?: boolean }).isError).toBe(true);
    server.send({ id: 4, method: 'tools/call', params: { name: 'zone_get_resource_records', arguments: { domains: 'example.ru' } } });
    const invalid = await server.response(4);
    expect((invalid.error as { code: number }).code).toBe(-32602);
    expect((invalid.error as { message: string }).message).toMatch(/^Invalid input for zone\/get_resource_records: domains/);
    await server.stop();

    const lines = server.stdoutLines();
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const message = JSON.parse(line) as Record<string, unknown>;
      expect(message.jsonrpc, line).toBe('2.0');
    }
    const stderr = server.stderr();
    expect(stderr).toContain('noise from a dependency: log');
    expect(stderr).toContain('noise from a dependency: info');
    expect(stderr).toContain('noise from a dependency: debug');
    expect(stderr).toContain('"level":20');
  });
});
