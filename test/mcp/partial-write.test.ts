import { afterEach, describe, expect, it } from 'vitest';
import { startMcpSession, type McpSession } from './writes-session.js';

const ACCOUNT = { username: 'partial', domains: ['example.ru', 'ample.ru'] };

// REG.API answers a list call with top-level success while single elements carry their own error.
const ONE_REFUSED = {
  result: 'success',
  answer: {
    domains: [
      { dname: 'example.ru', result: 'success' },
      { dname: 'ample.ru', result: 'error', error_code: 'DOMAIN_NOT_FOUND', error_text: 'Domain ample.ru not found' },
    ],
  },
};

function text(result: unknown): string {
  return ((result as { content: { text: string }[] }).content ?? []).map((block) => block.text).join('\n');
}

describe('write tool with a partial failure', () => {
  let session: McpSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('reports the refused element as an error', async () => {
    session = await startMcpSession(ACCOUNT, { answer: () => ({ action: 'accept', content: { confirm: 'example.ru' } }) });
    session.world.sandbox.faults.add({ path: 'zone/add_txt', kind: 'answer', times: 1, body: ONE_REFUSED });

    const result = await session.client.callTool({
      name: 'zone_add_txt',
      arguments: { domains: [{ dname: 'example.ru' }, { dname: 'ample.ru' }], subdomain: '_two', text: 'partial' },
    });
    const structured = result.structuredContent as { state: string; error?: { code: string }; next_step: string };

    expect(structured.state).toBe('done');
    expect(structured.error?.code).toBe('PARTIAL_FAILURE');
    expect(result.isError).toBe(true);
    expect(structured.next_step).not.toContain('the change is made');
    expect(text(result)).not.toContain('Done.');
    expect(text(result)).toContain('ample.ru (DOMAIN_NOT_FOUND)');
  });
});
