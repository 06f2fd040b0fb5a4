import { afterEach, describe, expect, it } from 'vitest';
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { startMcpSession, type McpSession } from './writes-session.js';

const ACCOUNT = {
  username: 'writer',
  balance: 1000,
  prices: { ru: 200 },
  domains: ['example.ru'],
  zones: {
    'example.ru': [
      { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenA' },
      { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenB' },
    ],
  },
};

function structured(result: unknown): Record<string, unknown> {
  return (result as CallToolResult).structuredContent as Record<string, unknown>;
}

function text(result: unknown): string {
  return ((result as CallToolResult).content as { text: string }[]).map((block) => block.text).join('\n');
}

describe('write tools without elicitation', () => {
  let session: McpSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('answers with the operation id and how to approve it', async () => {
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 600 } });
    const mark = session.world.mark();
    const progress: Progress[] = [];
    const result = await session.client.callTool({ name: 'dns_set_record', arguments: { name: '_acme-challenge.example.ru', type: 'TXT', value: 'tokenC' } }, undefined, {
      onprogress: (update) => progress.push(update),
    });

    expect(result.isError).toBeFalsy();
    const id = structured(result).operation_id as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(structured(result).state).toBe('awaiting_approval');
    expect(text(result)).toContain(`regapi2 ops approve ${id}`);
    expect(progress.length).toBeGreaterThan(0);
    expect(session.world.sentSince(mark).filter((call) => call.path === 'zone/add_txt')).toEqual([]);
  });

  it('answers soon when the client shows no progress', async () => {
    // Without a progress token nothing tells the person the call is alive, so it must not use the
    // long wait; with a 40 s wait the test would run into its own 20 s limit.
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 40_000 } });
    const result = await session.client.callTool(
      { name: 'dns_set_record', arguments: { name: '_acme-challenge.example.ru', type: 'TXT', value: 'tokenD' } },
      undefined,
      { timeout: 60_000 },
    );

    expect(structured(result).state).toBe('awaiting_approval');
    expect(text(result)).toContain('regapi2 ops approve');
  }, 20_000);

  it('reports the outcome when a person approves while the call waits', async () => {
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 8_000 } });
    const { world } = session;
    const call = session.client.callTool({ name: 'dns_remove_record', arguments: { name: '_acme-challenge.example.ru', type: 'TXT', value: 'tokenA' } });
    let pending = await world.operations.list({ states: ['awaiting_approval'] });
    while (pending.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      pending = await world.operations.list({ states: ['awaiting_approval'] });
    }
    await world.operations.approve(pending[0].id, { by: 'cli:admin', tier: 'terminal', confirmation: 'example.ru' });

    const result = await call;
    expect(structured(result).state).toBe('done');
    const removes = world.sentSince(0).filter((call) => call.path === 'zone/remove_record');
    expect(removes.map((one) => one.input)).toEqual([{ domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', record_type: 'TXT', content: 'tokenA' }]);
  });

  it('rejects a remove without a value as invalid arguments', async () => {
    session = await startMcpSession(ACCOUNT);
    const mark = session.world.mark();
    await expect(session.client.callTool({ name: 'dns_remove_record', arguments: { name: '_acme-challenge.example.ru', type: 'TXT' } })).rejects.toThrow(/all: true/);
    expect(session.world.sentSince(mark).filter((call) => call.path === 'zone/remove_record')).toEqual([]);
    expect(await session.world.operations.list({})).toEqual([]);
  });

  it('reports a zone off REG.RU name servers as a tool error', async () => {
    session = await startMcpSession({ ...ACCOUNT, domains: ['example.ru', { dname: 'away.ru', nss: ['ns1.elsewhere.example'] }] });
    const result = await session.client.callTool({ name: 'dns_set_record', arguments: { name: 'www.away.ru', type: 'A', value: '192.0.2.3' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('DOMAIN_IS_NOT_USE_REGRU_NSS');
    expect(await session.world.operations.list({})).toEqual([]);
  });

  it('rejects commit outside the token tier', async () => {
    session = await startMcpSession(ACCOUNT);
    await expect(
      session.client.callTool({ name: 'zone_add_txt', arguments: { domains: [{ dname: 'example.ru' }], subdomain: 'x', text: 'y', commit: 'abc' } }),
    ).rejects.toThrow(/commit/);
  });

  it('lists and shows operations', async () => {
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 0 } });
    const proposed = await session.client.callTool({ name: 'zone_add_txt', arguments: { domains: [{ dname: 'example.ru' }], subdomain: 'x', text: 'y' } });
    const id = structured(proposed).operation_id as string;

    const listed = await session.client.callTool({ name: 'operations_list', arguments: {} });
    expect((structured(listed).operations as { id: string }[]).map((operation) => operation.id)).toEqual([id]);
    const status = await session.client.callTool({ name: 'operations_status', arguments: { id } });
    expect((structured(status).operation as { state: string }).state).toBe('awaiting_approval');
    expect(structured(status).next_step).toContain(`regapi2 ops approve ${id}`);
  });
});

describe('tool annotations', () => {
  it('mark billing destructive and the DNS tools idempotent', async () => {
    const session = await startMcpSession(ACCOUNT);
    try {
      const { tools } = await session.client.listTools();
      const byName = new Map(tools.map((tool) => [tool.name, tool]));
      expect(byName.get('domain_create')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
      expect(byName.get('zone_add_txt')?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
      expect(byName.get('dns_set_record')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true });
      expect(byName.get('dns_remove_record')?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: true });
      expect(byName.get('dns_list_records')?.annotations).toMatchObject({ readOnlyHint: true });
      expect(byName.get('zone_add_txt')?.inputSchema.properties).not.toHaveProperty('commit');
    } finally {
      await session.close();
    }
  });
});

describe('tier 4: token', () => {
  let session: McpSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  const args = { name: 'www.example.ru', type: 'A', value: '192.0.2.44' };

  it('runs a change only when the token is committed, once', async () => {
    session = await startMcpSession(ACCOUNT, { env: { REGAPI_CONFIRM: 'token' } });
    const { world } = session;
    const mark = world.mark();

    const prepared = await session.client.callTool({ name: 'dns_set_record', arguments: args });
    expect(structured(prepared).state).toBe('token_issued');
    const token = structured(prepared).commit_token as string;
    expect(token.length).toBeGreaterThan(20);
    expect(world.sentSince(mark).filter((call) => call.path === 'zone/add_alias')).toEqual([]);

    const committed = await session.client.callTool({ name: 'dns_set_record', arguments: { ...args, commit: token } });
    expect(structured(committed).state).toBe('done');
    expect(world.sentSince(mark).filter((call) => call.path === 'zone/add_alias')).toHaveLength(1);
    const operation = await world.operations.get(structured(committed).operation_id as string);
    expect(operation?.meta.approvalTier).toBe('token');
  });

  it('refuses a used token', async () => {
    session = await startMcpSession(ACCOUNT, { env: { REGAPI_CONFIRM: 'token' } });
    const prepared = await session.client.callTool({ name: 'zone_add_txt', arguments: { domains: [{ dname: 'example.ru' }], subdomain: 'once', text: 't' } });
    const token = structured(prepared).commit_token as string;
    const commit = { domains: [{ dname: 'example.ru' }], subdomain: 'once', text: 't', commit: token };
    const first = await session.client.callTool({ name: 'zone_add_txt', arguments: commit });
    expect(structured(first).state).toBe('done');
    const second = await session.client.callTool({ name: 'zone_add_txt', arguments: commit });
    expect(second.isError).toBe(true);
    expect((structured(second).error as { code: string }).code).toBe('TOKEN_USED');
    expect(session.world.sentSince(0).filter((call) => call.path === 'zone/add_txt')).toHaveLength(1);
  });

  it('refuses a token for other arguments', async () => {
    session = await startMcpSession(ACCOUNT, { env: { REGAPI_CONFIRM: 'token' } });
    const prepared = await session.client.callTool({ name: 'dns_set_record', arguments: args });
    const token = structured(prepared).commit_token as string;
    const other = await session.client.callTool({ name: 'dns_set_record', arguments: { ...args, value: '192.0.2.45', commit: token } });
    expect((structured(other).error as { code: string }).code).toBe('TOKEN_MISMATCH');
    expect(session.world.sentSince(0).filter((call) => call.path === 'zone/add_alias')).toEqual([]);
  });

  it('sends a billing call to a person unless tokens may pay', async () => {
    session = await startMcpSession(ACCOUNT, { env: { REGAPI_CONFIRM: 'token' }, tools: { waitMs: 0 } });
    const result = await session.client.callTool({ name: 'service_renew', arguments: { domain_name: 'example.ru', period: 1 } });
    expect(structured(result).state).toBe('awaiting_approval');
    expect(structured(result).commit_token).toBeUndefined();
    expect(text(result)).toContain('REGAPI_CONFIRM_TOKEN_BILLING=1');
    expect(session.world.sentSince(0).filter((call) => call.path === 'service/renew')).toEqual([]);
  });

  it('lets a token pay when the configuration allows it', async () => {
    session = await startMcpSession({ ...ACCOUNT, prices: { srv_webfwd: 120 } }, { env: { REGAPI_CONFIRM: 'token', REGAPI_CONFIRM_TOKEN_BILLING: 'true' } });
    const order = { domain_name: 'example.ru', servtype: 'srv_webfwd', period: 1 };
    const prepared = await session.client.callTool({ name: 'service_create', arguments: order });
    expect(structured(prepared).state).toBe('token_issued');
    expect((structured(prepared).preview as { price: number }).price).toBe(120);

    const committed = await session.client.callTool({ name: 'service_create', arguments: { ...order, commit: structured(prepared).commit_token } });
    expect(structured(committed).state).toBe('done');
    expect(session.world.sentSince(0).filter((call) => call.path === 'service/create')).toHaveLength(1);
  });

  it('rejects a commit whose preview changed', async () => {
    session = await startMcpSession(ACCOUNT, { env: { REGAPI_CONFIRM: 'token' } });
    const removeAll = { name: '_acme-challenge.example.ru', type: 'TXT', all: true };
    const prepared = await session.client.callTool({ name: 'dns_remove_record', arguments: removeAll });
    expect((structured(prepared).preview as { dns: { removed: unknown[] } }).dns.removed).toHaveLength(2);

    session.world.sandbox.state('writer')!.zones.get('example.ru')!.records.push({ subname: '_acme-challenge', rectype: 'TXT', content: 'tokenC', prio: null });
    const committed = await session.client.callTool({ name: 'dns_remove_record', arguments: { ...removeAll, commit: structured(prepared).commit_token } });
    expect(committed.isError).toBe(true);
    expect(structured(committed).state).toBe('rejected');
    expect(text(committed)).toContain('preview changed');
    expect(session.world.sentSince(0).filter((call) => call.path === 'zone/remove_record')).toEqual([]);
  });
});
