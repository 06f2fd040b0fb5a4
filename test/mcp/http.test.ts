import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/catalogue/index.js';
import { CLI, cliEnv, makeHome, runCli } from '../cli/helpers.js';
import { openEndedTools } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';

interface HttpServer {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr(): string;
}

/** Starts `regapi2 mcp --http 127.0.0.1:0` and reads the bound URL from its start line. */
function startHttpServer(env: Record<string, string>): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--sandbox', '--toolsets', 'all', '--http', '127.0.0.1:0'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+\/mcp)"/.exec(stderr);
      if (match) resolve({ child, url: match[1], stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

describe('mcp over Streamable HTTP', () => {
  const home = makeHome();
  let server: HttpServer;
  let client: Client;

  beforeAll(async () => {
    server = await startHttpServer(cliEnv(home.home, { REGAPI_MCP_TOKEN: TOKEN, REGAPI_LOG_LEVEL: 'info', REGAPI_MCP_ALLOWED_HOSTS: 'mcp.example.org' }));
    client = new Client({ name: 'regapi2-http-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }),
    );
  });

  afterAll(async () => {
    await client?.close();
    server?.child.kill('SIGTERM');
    home.remove();
  });

  it('lists every read operation with closed schemas', async () => {
    const { tools } = await client.listTools();
    const names = new Set(tools.map((tool) => tool.name));
    for (const def of catalogue.filter((entry) => entry.effect === 'read')) expect(names.has(def.toolName), def.toolName).toBe(true);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      const extra = (tool.inputSchema as Record<string, unknown>).additionalProperties;
      if (openEndedTools.has(tool.name)) expect(extra, tool.name).toMatchObject({ type: expect.anything() });
      else expect(extra, tool.name).toBe(false);
    }
  });

  it('checks domains per domain', async () => {
    const result = await client.callTool({ name: 'domain_check', arguments: { domains: [{ dname: 'пример.рф' }, { dname: 'example.ru' }] } });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(2);
  });

  it('rejects a wrong type naming the field', async () => {
    const call = client.callTool({ name: 'domain_check', arguments: { domain_name: 123 } });
    await expect(call).rejects.toBeInstanceOf(McpError);
    await expect(call).rejects.toThrow(/domain_name/);
  });

  it('logs the http transport once', () => {
    const lines = server.stderr().split('\n').filter((line) => line.includes('"transport"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ transport: 'http', login: 'test' });
  });

  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
  });
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

  it('rejects a request without the token', async () => {
    const response = await fetch(server.url, { method: 'POST', headers, body: initialize });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('rejects a wrong token', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { ...headers, authorization: 'Bearer wrong-token-000000000' }, body: initialize });
    expect(response.status).toBe(401);
  });

  it('rejects a foreign Origin', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' },
      body: initialize,
    });
    expect(response.status).toBe(403);
  });

  it('accepts a loopback Origin', async () => {
    const origin = new URL(server.url).origin;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${TOKEN}`, origin },
      body: initialize,
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  /** Posts `initialize` with a chosen Host header, which fetch does not allow setting. */
  function statusWithHost(host: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const req = request(server.url, { method: 'POST', headers: { ...headers, authorization: `Bearer ${TOKEN}`, host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(initialize);
    });
  }

  it('rejects a foreign Host', async () => {
    expect(await statusWithHost('attacker.example:80')).toBe(403);
  });

  it('accepts localhost as Host', async () => {
    expect(await statusWithHost(`localhost:${new URL(server.url).port}`)).toBe(200);
  });

  it('accepts a configured public Host', async () => {
    expect(await statusWithHost('mcp.example.org')).toBe(200);
  });
});

describe('mcp --http without a token', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('refuses to start naming REGAPI_MCP_TOKEN', async () => {
    const run = await runCli(['mcp', '--sandbox', '--http', '127.0.0.1:0'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('REGAPI_MCP_TOKEN');
  });
});
