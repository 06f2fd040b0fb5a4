import { afterEach, describe, expect, it } from 'vitest';
import { readZone } from '../../src/core/dns/index.js';
import type { ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { startMcpSession, type ElicitAnswer, type McpSession } from './writes-session.js';

const ACCOUNT = {
  username: 'elicit',
  domains: ['example.ru', 'пример.рф'],
  zones: { 'example.ru': [{ subname: '@', rectype: 'TXT', content: 'v=spf1 -all' }] },
};

function structured(result: unknown): Record<string, unknown> {
  return (result as { structuredContent: Record<string, unknown> }).structuredContent;
}

describe('tier 1: elicitation', () => {
  let session: McpSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function addTxt(answer: ElicitAnswer, name = '_acme-challenge.example.ru') {
    session = await startMcpSession(ACCOUNT, { answer });
    const mark = session.world.mark();
    const result = await session.client.callTool({ name: 'dns_set_record', arguments: { name, type: 'TXT', value: 'token-e' } });
    const writes = session.world.sentSince(mark).filter((call) => call.path === 'zone/add_txt');
    return { result, writes };
  }

  it('runs the operation once when the person types the domain', async () => {
    const { result, writes } = await addTxt(() => ({ action: 'accept', content: { confirm: 'example.ru' } }));
    expect(result.isError).toBeFalsy();
    expect(structured(result).state).toBe('done');
    expect(writes).toHaveLength(1);
    expect(writes[0].input).toEqual({ domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'token-e' });

    const id = structured(result).operation_id as string;
    const operation = await session!.world.operations.get(id);
    expect(operation?.decidedBy).toBe('mcp:writes-test');
    expect(operation?.meta.approvalTier).toBe('elicitation');
  });

  it('shows the preview and asks for the domain', async () => {
    await addTxt(() => ({ action: 'accept', content: { confirm: 'example.ru' } }));
    expect(session!.elicitations).toHaveLength(1);
    const request = session!.elicitations[0] as { message: string; requestedSchema: { properties: Record<string, { title: string }> } };
    expect(request.message).toContain('+ add _acme-challenge TXT "token-e"');
    expect(request.requestedSchema.properties.confirm.title).toBe('Type example.ru to approve');
  });

  it('accepts the punycode form for a Cyrillic zone', async () => {
    const { result, writes } = await addTxt(() => ({ action: 'accept', content: { confirm: 'XN--E1AFMKFD.XN--P1AI' } }), '_acme-challenge.пример.рф');
    expect(structured(result).state).toBe('done');
    expect(writes.map((call) => call.input.domains)).toEqual([[{ dname: 'xn--e1afmkfd.xn--p1ai' }]]);
  });

  it.each<[string, ElicitResult]>([
    ['a wrong domain', { action: 'accept', content: { confirm: 'example.com' } }],
    ['decline', { action: 'decline' }],
    ['cancel', { action: 'cancel' }],
  ])('runs nothing after %s', async (_case, answer) => {
    const { result, writes } = await addTxt(() => answer);
    expect(result.isError).toBe(true);
    expect(structured(result).state).toBe('rejected');
    expect(writes).toEqual([]);
    const zone = await readZone(session!.world.core, 'example.ru');
    expect(zone.filter((record) => record.content === 'token-e')).toEqual([]);
    const text = (result.content as { text: string }[])[0].text;
    expect(text).toContain('nothing was sent');
  });

  it('answers an existing record without asking', async () => {
    session = await startMcpSession(ACCOUNT, { answer: () => ({ action: 'accept', content: { confirm: 'example.ru' } }) });
    const result = await session.client.callTool({ name: 'dns_set_record', arguments: { name: 'example.ru', type: 'TXT', value: 'v=spf1 -all' } });
    expect(structured(result).state).toBe('no_change');
    expect(session.elicitations).toEqual([]);
  });

  it('asks for the service id before a delete', async () => {
    session = await startMcpSession(
      { ...ACCOUNT, services: [{ servtype: 'srv_webfwd', dname: 'example.ru', service_id: 7007 }] },
      { answer: () => ({ action: 'accept', content: { confirm: '7007' } }) },
    );
    const mark = session.world.mark();
    const result = await session.client.callTool({ name: 'service_delete', arguments: { service_id: 7007, servtype: 'srv_webfwd' } });
    expect(structured(result).state).toBe('done');
    expect((session.elicitations[0] as { message: string }).message).toContain('service 7007 (srv_webfwd for example.ru)');
    expect(session.world.sentSince(mark).filter((call) => call.path === 'service/delete')).toHaveLength(1);
  });

  it('keeps the operation pending when the form fails', async () => {
    session = await startMcpSession(ACCOUNT, {
      answer: () => {
        throw new Error('the client closed the form');
      },
      tools: { waitMs: 300 },
    });
    const mark = session.world.mark();
    const result = await session.client.callTool({ name: 'dns_set_record', arguments: { name: 'www.example.ru', type: 'A', value: '192.0.2.9' } });
    expect(structured(result).state).toBe('awaiting_approval');
    expect((result.content as { text: string }[])[0].text).toContain('confirmation form failed');
    expect(session.world.sentSince(mark).filter((call) => call.path === 'zone/add_alias')).toEqual([]);
  });

  it('orders a service with the operation id as user_servid', async () => {
    session = await startMcpSession({ ...ACCOUNT, balance: 1000, prices: { srv_webfwd: 120 } }, { answer: () => ({ action: 'accept', content: { confirm: 'example.ru' } }) });
    const mark = session.world.mark();
    const result = await session.client.callTool({ name: 'service_create', arguments: { domain_name: 'example.ru', servtype: 'srv_webfwd', period: 1 } });
    expect(structured(result).state).toBe('done');
    const request = session.elicitations[0] as { message: string };
    expect(request.message).toContain('Price: 120.00 RUR');
    expect(request.message).toContain('Balance: 1000.00 → 880.00 RUR');

    const orders = session.world.sentSince(mark).filter((call) => call.path === 'service/create');
    expect(orders).toHaveLength(1);
    expect(orders[0].input.user_servid).toBe(structured(result).operation_id);
  });
});
