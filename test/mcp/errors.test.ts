import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliEnv, makeHome } from '../cli/helpers.js';
import { connectStdio, type StdioSession } from './helpers.js';
import { addFault, clearFaults, requestsTo, startTestSandbox, type TestSandbox } from './sandbox.js';

const SECRET = 'S3cr3t-Pa55';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text: string }>; structuredContent?: Record<string, unknown> };

function textOf(result: ToolResult): string {
  return result.content.map((block) => block.text).join('\n');
}

describe('mcp tool failures', () => {
  const home = makeHome();
  let sandbox: TestSandbox;
  let blocked: StdioSession;
  let secret: StdioSession;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      accounts: [
        { username: 'blocked-user', password: 'blocked-password', allowedIps: ['203.0.113.7'] },
        { username: 'secret-user', password: SECRET, domains: ['example.ru', 'example.com'] },
      ],
    });
    const base = { REGAPI_URL: sandbox.url, REGAPI_TOOLSETS: 'all' };
    blocked = await connectStdio([], cliEnv(home.home, { ...base, REGAPI_USERNAME: 'blocked-user', REGAPI_PASSWORD: 'blocked-password' }));
    secret = await connectStdio(
      [],
      cliEnv(home.home, { ...base, REGAPI_USERNAME: 'secret-user', REGAPI_PASSWORD: SECRET, REGAPI_LOG_LEVEL: 'debug' }),
    );
  });

  afterAll(async () => {
    await blocked?.close();
    await secret?.close();
    await sandbox?.close();
    home.remove();
  });

  beforeEach(() => clearFaults(sandbox));

  it('reports ACCESS_DENIED_FROM_IP with the fix and no retry', async () => {
    const before = requestsTo(sandbox, 'zone/get_resource_records').length;
    const result = (await blocked.client.callTool({
      name: 'zone_get_resource_records',
      arguments: { domains: [{ dname: 'example.ru' }], fresh: true },
    })) as ToolResult;

    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('ACCESS_DENIED_FROM_IP');
    expect(text).toMatch(/IP/);
    expect(text).toMatch(/API settings/i);
    expect(text).toContain('command');
    expect(text).toContain('zone/get_resource_records');
    expect(requestsTo(sandbox, 'zone/get_resource_records').length - before).toBe(1);
    const error = (result.structuredContent as { error: { code: string; hint: string } }).error;
    expect(error.code).toBe('ACCESS_DENIED_FROM_IP');
  });

  it('reports a REG.API error code as isError', async () => {
    addFault(sandbox, {
      path: 'zone/get_resource_records',
      kind: 'answer',
      times: 1,
      body: {
        result: 'error',
        error_code: 'DOMAIN_NOT_FOUND',
        error_text: 'Domain not found',
        error_params: { domain_name: 'example.ru' },
        input_params: { username: 'secret-user', password: SECRET, domains: [{ dname: 'example.ru' }] },
      },
    });
    const result = (await secret.client.callTool({
      name: 'zone_get_resource_records',
      arguments: { domains: [{ dname: 'example.ru' }], fresh: true },
    })) as ToolResult;

    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('DOMAIN_NOT_FOUND');
    expect(textOf(result)).toContain('example.ru');
    expect(textOf(result)).toContain('Next step:');
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('drops an echoed password from a success', async () => {
    addFault(sandbox, {
      path: 'nop',
      kind: 'answer',
      times: 1,
      body: { result: 'success', answer: { login: 'secret-user', user_id: 7 }, input_params: { username: 'secret-user', password: SECRET } },
    });
    const result = (await secret.client.callTool({ name: 'common_nop', arguments: { fresh: true } })) as ToolResult;

    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain('input_params');
  });

  it('reports a partial list as isError', async () => {
    addFault(sandbox, {
      path: 'zone/get_resource_records',
      kind: 'answer',
      times: 1,
      body: {
        result: 'success',
        answer: {
          domains: [
            { dname: 'example.ru', result: 'success', rrs: [], soa: { ttl: '1d', minimum_ttl: '3h' } },
            { dname: 'example.com', result: 'error', error_code: 'DOMAIN_NOT_FOUND', error_text: 'Domain not found' },
          ],
        },
      },
    });
    const result = (await secret.client.callTool({
      name: 'zone_get_resource_records',
      arguments: { domains: [{ dname: 'example.ru' }, { dname: 'example.com' }], fresh: true },
    })) as ToolResult;

    expect(result.isError).toBe(true);
    const structured = result.structuredContent as { outcome: string; items: Array<{ key: string; ok: boolean; error_code?: string }> };
    expect(structured.outcome).toBe('partial');
    expect(structured.items.map((item) => item.ok)).toEqual([true, false]);
    expect(structured.items[1].error_code).toBe('DOMAIN_NOT_FOUND');
    expect(textOf(result)).toContain('example.com: DOMAIN_NOT_FOUND');
    expect(textOf(result)).toContain('1 of 2');
  });

  it('returns success with structured content', async () => {
    const result = (await secret.client.callTool({
      name: 'zone_get_resource_records',
      arguments: { domains: [{ dname: 'example.ru' }], fresh: true },
    })) as ToolResult;

    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { outcome: string; answer: { domains: Array<{ dname: string }> } };
    expect(structured.outcome).toBe('success');
    expect(structured.answer.domains[0].dname).toBe('example.ru');
  });

  it('reports an HTML 502 as a transport error', async () => {
    addFault(sandbox, { path: 'nop', kind: 'html502', times: 1 });
    const result = (await secret.client.callTool({ name: 'common_nop', arguments: { fresh: true } })) as ToolResult;

    expect(result.isError).toBe(true);
    const error = (result.structuredContent as { error: { code: string } }).error;
    expect(error.code).toMatch(/^TRANSPORT_/);
    expect(textOf(result)).toContain('Next step:');
  });

  it('names the rate limit and its code', async () => {
    addFault(sandbox, {
      path: 'nop',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'IP_EXCEEDED_ALLOWED_CONNECTION_RATE', error_text: 'Too many requests from this IP' },
    });
    const before = requestsTo(sandbox, 'nop').length;
    const result = (await secret.client.callTool({ name: 'common_nop', arguments: { fresh: true } })) as ToolResult;

    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('IP_EXCEEDED_ALLOWED_CONNECTION_RATE');
    expect(textOf(result)).toContain('1,200');
    expect(textOf(result)).toContain('Retry after');
    expect(requestsTo(sandbox, 'nop').length - before).toBeLessThanOrEqual(2);
  });

  it('moves an off-schema answer aside', async () => {
    addFault(sandbox, { path: 'nop', kind: 'answer', times: 1, body: { result: 'success', answer: { login: 42, user_id: 7 } } });
    const result = (await secret.client.callTool({ name: 'common_nop', arguments: { fresh: true } })) as ToolResult;

    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as Record<string, unknown>;
    expect(structured.answer).toBeUndefined();
    expect(structured.unnormalised_answer).toMatchObject({ login: 42 });
    expect(secret.stderr()).toContain('does not match the output schema');
  });

  it('keeps the password out of stderr and requests', () => {
    expect(secret.stderr()).toContain('"level":20');
    expect(secret.stderr()).not.toContain(SECRET);
    for (const request of sandbox.requests) {
      expect(request.fields.show_input_params, request.path).toBeUndefined();
      expect(request.query, request.path).toBe('');
    }
  });
});
