import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config/index.js';
import { createCore, type Core } from '../../src/core/core.js';
import { silentLogger } from '../../src/core/log.js';
import { startMcpHttp, type McpHttpHandle } from '../../src/mcp/http.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { readTools } from '../../src/mcp/tools/read.js';
import { makeHome } from '../cli/helpers.js';
import { startTestSandbox, type TestSandbox } from './sandbox.js';

const TOKEN = 'session-token-0123456789';

describe('mcp http sessions', () => {
  const home = makeHome();
  let sandbox: TestSandbox;
  let core: Core;
  let server: McpHttpHandle;

  beforeAll(async () => {
    sandbox = await startTestSandbox({});
    core = createCore({ config: loadConfig({ flags: { apiUrl: sandbox.url, logLevel: 'silent' }, env: {}, homeDir: home.home }) });
    server = await startMcpHttp({
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      createServer: () => createMcpServer({ core, providers: [readTools], version: '0.0.0' }),
      logger: silentLogger,
      sessionIdleMs: 300,
    });
  });

  afterAll(async () => {
    await server?.close();
    await core?.close();
    await sandbox?.close();
    home.remove();
  });

  it('closes an idle session', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
    });
    const client = new Client({ name: 'session-test', version: '0.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    const sessionId = transport.sessionId!;

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-06-18',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(response.status).toBe(404);
    await client.close().catch(() => undefined);
  });
});
