import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, makeHome, runCli } from '../cli/helpers.js';
import { connectStdio, type StdioSession } from './helpers.js';
import { requestsTo, startTestSandbox, type TestSandbox } from './sandbox.js';

interface Listing {
  pending: Array<{ id: string; path: string }>;
}

describe('mcp write approved at the terminal', () => {
  const home = makeHome();
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let session: StdioSession;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      accounts: [{ username: 'writer', password: 'writer-password', domains: ['example.ru'] }],
    });
    env = cliEnv(home.home, { REGAPI_URL: sandbox.url, REGAPI_USERNAME: 'writer', REGAPI_PASSWORD: 'writer-password' });
    session = await connectStdio(['--toolsets', 'all'], env);
  });

  afterAll(async () => {
    await session?.close();
    await sandbox?.close();
    home.remove();
  });

  /** Polls `regapi2 ops list` (the same SQLite store as the server) until an operation waits. */
  async function pendingOperation(): Promise<string> {
    for (;;) {
      const run = await runCli(['ops', 'list', '--json'], env);
      const listing = JSON.parse(run.stdout) as Listing;
      if (listing.pending.length > 0) return listing.pending[0].id;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('is sent once by the server worker', async () => {
    const call = session.client.callTool({
      name: 'zone_add_txt',
      arguments: { domain_name: 'example.ru', subdomain: '_acme-challenge', text: 'tokenC' },
    });
    const id = await pendingOperation();
    expect(requestsTo(sandbox, 'zone/add_txt')).toHaveLength(0);

    const approve = await runCli(['ops', 'approve', id, '--confirm', 'example.ru'], env);
    expect(approve.code, approve.stderr).toBe(0);

    const result = await call;
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(requestsTo(sandbox, 'zone/add_txt')).toHaveLength(1);
    const zone = sandbox.state('writer')?.zones.get('example.ru');
    expect(JSON.stringify(zone)).toContain('tokenC');
  });
});
