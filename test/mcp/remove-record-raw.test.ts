import { afterEach, describe, expect, it } from 'vitest';
import { startMcpSession, type McpSession } from './writes-session.js';

const ACCOUNT = {
  username: 'remover',
  domains: ['example.ru'],
  zones: {
    'example.ru': [
      { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenA' },
      { subname: '_acme-challenge', rectype: 'TXT', content: 'tokenB' },
    ],
  },
};

describe('zone_remove_record tool', () => {
  let session: McpSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('rejects a remove without content', async () => {
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 200 } });
    const call = session.client.callTool({
      name: 'zone_remove_record',
      arguments: { domain_name: 'example.ru', subdomain: '_acme-challenge', record_type: 'TXT' },
    });

    await expect(call).rejects.toThrow(/content/);
    expect(await session.world.operations.list({})).toHaveLength(0);
  });

  it('proposes a remove of one value', async () => {
    session = await startMcpSession(ACCOUNT, { tools: { waitMs: 200 } });
    const result = await session.client.callTool({
      name: 'zone_remove_record',
      arguments: { domain_name: 'example.ru', subdomain: '_acme-challenge', record_type: 'TXT', content: 'tokenA' },
    });
    const structured = result.structuredContent as { state: string; preview: { dns: { removed: { content: string }[] } } };

    expect(structured.state).toBe('awaiting_approval');
    expect(structured.preview.dns.removed.map((record) => record.content)).toEqual(['tokenA']);
  });
});
