import { afterEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startMcpSession, type McpSession } from './writes-session.js';

const ACCOUNT = { username: 'denied', domains: ['example.ru'] };

const IP_DENIED = {
  result: 'error',
  error_code: 'ACCESS_DENIED_FROM_IP',
  error_text: 'Access to API from this IP denied',
};

function text(result: CallToolResult): string {
  return (result.content as { text: string }[]).map((block) => block.text).join('\n');
}

describe('write tool failing before a proposal', () => {
  let session: McpSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  // The SDK client validates structured content against the listed output schema, errors included.
  it.each([
    ['dns_set_record', { name: '_acme-challenge.example.ru', type: 'TXT', value: 'ip' }],
    ['zone_add_txt', { domain_name: 'example.ru', subdomain: '_acme-challenge', text: 'ip' }],
  ])('%s returns the REG.API error as a result', async (tool, args) => {
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 200 } });
    await session.client.listTools();
    session.world.sandbox.faults.add({ path: '*', kind: 'answer', body: IP_DENIED });

    const result = (await session.client.callTool({ name: tool, arguments: args })) as CallToolResult;

    expect(result.isError).toBe(true);
    expect(text(result)).toContain('ACCESS_DENIED_FROM_IP');
    expect(text(result)).toContain('API settings');
    expect(await session.world.operations.list({})).toHaveLength(0);
  });
});
