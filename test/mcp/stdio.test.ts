import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/catalogue/index.js';
import { cliEnv, makeHome, runCli } from '../cli/helpers.js';
import { connectStdio, openEndedTools, type StdioSession } from './helpers.js';

const readOperations = catalogue.filter((def) => def.effect === 'read');


describe('mcp over stdio with --toolsets all', () => {
  const home = makeHome();
  let session: StdioSession;
  let tools: Awaited<ReturnType<StdioSession['client']['listTools']>>['tools'];

  beforeAll(async () => {
    session = await connectStdio(['--sandbox', '--toolsets', 'all'], cliEnv(home.home, { REGAPI_LOG_LEVEL: 'info' }));
    tools = (await session.client.listTools()).tools;
  });

  afterAll(async () => {
    await session?.close();
    home.remove();
  });

  it('lists every read operation', () => {
    const names = new Set(tools.map((tool) => tool.name));
    const missing = readOperations.map((def) => def.toolName).filter((name) => !names.has(name));
    expect(missing).toEqual([]);
  });

  it('gives every tool a closed object input schema', () => {
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(Object.keys(tool.inputSchema.properties ?? {}).length, tool.name).toBeGreaterThan(0);
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      const extra = (tool.inputSchema as Record<string, unknown>).additionalProperties;
      if (openEndedTools.has(tool.name)) expect(extra, tool.name).toMatchObject({ type: expect.anything() });
      else expect(extra, tool.name).toBe(false);
    }
  });

  it('lists the required fields', () => {
    const required = (name: string) => (tools.find((tool) => tool.name === name)?.inputSchema.required ?? []).sort();
    expect(required('common_nop')).toEqual([]);
    expect(required('service_get_servtype_details')).toEqual(['servtype']);
    expect(required('domain_get_tld_info')).toEqual(['tld']);
    // The domain is one of domain_name, dname, service_id, user_servid or domains, so none of them is required alone.
    expect(required('zone_add_txt')).toEqual(['subdomain', 'text']);
  });

  it('rejects a numeric TXT text naming text', async () => {
    const call = session.client.callTool({ name: 'zone_add_txt', arguments: { domain_name: 'example.ru', subdomain: '@', text: 123 } });
    await expect(call).rejects.toMatchObject({ code: -32602 });
    await expect(call).rejects.toThrow(/\btext\b/);
  });

  it('sets all four annotations', () => {
    for (const tool of tools) {
      const annotations = tool.annotations ?? {};
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
        expect(typeof annotations[hint], `${tool.name} ${hint}`).toBe('boolean');
      }
    }
    // Every catalogue tool talks to REG.RU; tools over the local operations journal may not.
    const catalogueNames = new Set(catalogue.map((def) => def.toolName));
    for (const tool of tools.filter((entry) => catalogueNames.has(entry.name))) {
      expect(tool.annotations?.openWorldHint, tool.name).toBe(true);
    }
    const check = tools.find((tool) => tool.name === 'domain_check');
    expect(check?.annotations?.readOnlyHint).toBe(true);
    expect(check?.annotations?.destructiveHint).toBe(false);
  });

  it('describes access and the bulk limit', () => {
    const check = tools.find((tool) => tool.name === 'domain_check');
    expect(check?.description).toContain('partner');
    expect(check?.description).toContain('1000');
  });

  it('checks a Unicode and an ASCII domain per domain', async () => {
    const result = await session.client.callTool({
      name: 'domain_check',
      arguments: { domains: [{ dname: 'пример.рф' }, { dname: 'example.ru' }] },
    });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { outcome: string; items: Array<{ key?: string; ok: boolean }> };
    expect(structured.outcome).toBe('success');
    expect(structured.items).toHaveLength(2);
    expect(structured.items.map((item) => item.ok)).toEqual([true, true]);
    const text = (result.content as Array<{ type: string; text: string }>)[0].text;
    expect(JSON.parse(text)).toEqual(structured);
  });

  it('returns nop with structured content', async () => {
    const result = await session.client.callTool({ name: 'common_nop', arguments: {} });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { answer: { login?: string } };
    expect(structured.answer.login).toBe('test');
  });

  it('rejects a wrong type naming the field', async () => {
    const call = session.client.callTool({ name: 'domain_check', arguments: { domain_name: 123 } });
    await expect(call).rejects.toBeInstanceOf(McpError);
    await expect(call).rejects.toMatchObject({ code: -32602 });
    await expect(call).rejects.toThrow(/domain_name/);
  });

  it('rejects an unknown argument naming it', async () => {
    const call = session.client.callTool({ name: 'common_nop', arguments: { surprise: true } });
    await expect(call).rejects.toMatchObject({ code: -32602 });
    await expect(call).rejects.toThrow(/surprise/);
  });

  it('rejects a non-boolean fresh', async () => {
    const call = session.client.callTool({ name: 'common_nop', arguments: { fresh: 'yes' } });
    await expect(call).rejects.toMatchObject({ code: -32602 });
    await expect(call).rejects.toThrow(/fresh/);
  });

  it('rejects an unknown tool', async () => {
    const call = session.client.callTool({ name: 'domain_teleport', arguments: {} });
    await expect(call).rejects.toMatchObject({ code: -32602 });
    await expect(call).rejects.toThrow(/domain_teleport/);
  });

  it('answers every read tool within its schemas', async () => {
    // Empty arguments either fail validation (InvalidParams) or reach the sandbox's test account;
    // neither may produce structured content that the client rejects against the output schema.
    const problems: string[] = [];
    for (const def of readOperations) {
      try {
        await session.client.callTool({ name: def.toolName, arguments: {} });
      } catch (error) {
        const code = (error as McpError).code;
        if (code !== -32602 || /output schema|structured content/i.test(String(error))) problems.push(`${def.toolName}: ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('logs one start line without secrets', () => {
    const lines = session.stderr().split('\n').filter((line) => line.includes('"transport"'));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry.transport).toBe('stdio');
    expect(entry.login).toBe('test');
    expect(String(entry.endpoint)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/regru2$/);
    expect(entry.tools).toBe(tools.length);
  });

  it('gives instructions naming the test account', () => {
    const instructions = session.client.getInstructions() ?? '';
    expect(instructions).toContain('domain_check');
    expect(instructions).toContain('1,200 requests per hour');
    expect(instructions).toContain('public test account');
  });

  it('says once that the test account is in use', () => {
    const notices = session.stderr().split('\n').filter((line) => line.includes('public REG.API test account'));
    expect(notices).toHaveLength(1);
  });
});

describe('mcp tool selection', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  async function listNames(args: string[]): Promise<string[]> {
    const session = await connectStdio(['--sandbox', ...args], cliEnv(home.home));
    try {
      return (await session.client.listTools()).tools.map((tool) => tool.name);
    } finally {
      await session.close();
    }
  }

  it('keeps the default set near 40', async () => {
    const names = await listNames([]);
    expect(names.length).toBeGreaterThan(20);
    expect(names.length).toBeLessThanOrEqual(45);
    for (const name of ['common_nop', 'domain_check', 'domain_get_prices', 'service_get_list', 'zone_get_resource_records']) {
      expect(names).toContain(name);
    }
    for (const name of ['dns_list_records', 'dns_set_record', 'dns_remove_record', 'operations_list', 'operations_status']) {
      expect(names).toContain(name);
    }
    const deprecated = catalogue.filter((def) => def.deprecated).map((def) => def.toolName);
    expect(names.filter((name) => deprecated.includes(name))).toEqual([]);
  });

  it('serves one category', async () => {
    const names = await listNames(['--toolsets', 'zone']);
    const zoneReads = readOperations.filter((def) => def.category === 'zone').map((def) => def.toolName);
    expect(names).toEqual(expect.arrayContaining(zoneReads));
    const otherCategories = catalogue.filter((def) => def.category !== 'zone').map((def) => def.toolName);
    expect(names.filter((name) => otherCategories.includes(name))).toEqual([]);
  });

  it('adds a category to the default', async () => {
    const names = await listNames(['--toolsets', 'default,zone']);
    expect(names).toContain('domain_check');
    expect(names).toContain('zone_add_txt');
    expect(names).not.toContain('domain_create');
  });

  it('rejects an unknown toolset', async () => {
    const run = await runCli(['mcp', '--sandbox', '--toolsets', 'zone,dsn'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('"dsn"');
    expect(run.stderr).toContain('dnssec');
    expect(run.stdout).toBe('');
  });

  it('serves only reads with --read-only', async () => {
    const session = await connectStdio(['--sandbox', '--toolsets', 'all', '--read-only'], cliEnv(home.home));
    try {
      const { tools } = await session.client.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(readOperations.map((def) => def.toolName)));
      expect(tools.filter((tool) => tool.annotations?.readOnlyHint !== true).map((tool) => tool.name)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
