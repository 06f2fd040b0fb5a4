import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { as, call, startSandbox, type Envelope, type Sandbox } from './helpers.js';

let sandbox: Sandbox;
const client = as('client', 'client-pass');
const zoneCall = { domains: [{ dname: 'client.ru' }], subdomain: '_acme', text: 'held' };

beforeAll(async () => {
  sandbox = await startSandbox({ accounts: [{ username: 'client', password: 'client-pass', domains: ['client.ru'] }] });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
});

function post(path: string): Promise<Response> {
  return fetch(`${sandbox.url}/${path}`, { method: 'POST', body: new URLSearchParams({ username: 'test', password: 'test' }) });
}

function txtRecords(): string[] {
  const zone = sandbox.state('client')?.zones.get('client.ru');
  return (zone?.records ?? []).filter((record) => record.rectype === 'TXT').map((record) => record.content);
}

describe('sandbox faults', () => {
  it('delays the answer by ms', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'delay', ms: 300 });
    const started = Date.now();
    const response = await post('nop');
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('serves queued one-time answers one request each', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'status503', times: 1 });
    sandbox.faults.add({ path: 'nop', kind: 'html502', times: 1 });
    sandbox.faults.add({ path: 'nop', kind: 'delay', ms: 50, times: 2 });

    const statuses = [(await post('nop')).status, (await post('nop')).status, (await post('nop')).status];

    expect(statuses).toEqual([503, 502, 200]);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('answers 503 with INTERNAL_API_ERROR in Russian', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'status503' });
    const response = await post('nop');
    const body = (await response.json()) as Envelope;
    expect(response.status).toBe(503);
    expect(body.error_code).toBe('INTERNAL_API_ERROR');
    expect(body.error_text).toMatch(/[а-я]/);
  });

  it('answers 502 with an HTML body', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'html502' });
    const response = await post('nop');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('<html>');
  });

  it('drops the connection without an answer', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'drop' });
    await expect(post('nop')).rejects.toThrow();
    expect(sandbox.requests[0]?.status).toBe(0);
  });

  it('answers an empty body', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'empty' });
    const response = await post('nop');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers result pending', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'pending' });
    expect(await (await post('nop')).json()).toEqual({ result: 'pending' });
  });

  it('turns every number into a string', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'strings' });
    const body = (await (await post('nop')).json()) as Envelope;
    expect(body.answer).toEqual({ login: 'test', user_id: '0' });
  });

  it('sends a given answer', async () => {
    const body = { result: 'success', answer: { domains: [{ dname: 'example.ru', result: 'error', error_code: 'DOMAIN_NOT_FOUND' }] } };
    sandbox.faults.add({ path: 'zone/add_txt', kind: 'answer', body });
    expect(await (await post('zone/add_txt')).json()).toEqual(body);
  });

  it('holds the answer after the call changed state', async () => {
    sandbox.faults.add({ path: 'zone/add_txt', kind: 'hold', ms: 1500 });
    let answered = false;
    const pending = call(sandbox, 'zone/add_txt', zoneCall, client).finally(() => {
      answered = true;
    });
    while (txtRecords().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered).toBe(false);
    expect(txtRecords()).toEqual(['held']);
    const envelope = await pending;
    expect(envelope.answer.domains[0].result).toBe('success');
  });

  it('applies a fault only the given number of times', async () => {
    sandbox.faults.add({ path: 'nop', kind: 'status503', times: 2 });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await post('nop')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('matches every method with *', async () => {
    sandbox.faults.add({ path: '*', kind: 'pending', times: 2 });
    expect(await (await post('nop')).json()).toEqual({ result: 'pending' });
    expect(await (await post('user/nop')).json()).toEqual({ result: 'pending' });
  });

  it('repeats the same sequence for a probability after reset', async () => {
    const run = async (): Promise<number[]> => {
      sandbox.reset();
      sandbox.faults.add({ path: 'nop', kind: 'status503', probability: 0.5 });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt += 1) statuses.push((await post('nop')).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual(second);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('rejects an unknown fault kind by name', () => {
    expect(() => sandbox.faults.add({ path: 'nop', kind: 'explode' as never })).toThrow(/explode/);
  });

  it('is steered over HTTP control routes', async () => {
    const base = sandbox.url.replace('/api/regru2', '/__sandbox');
    const added = await fetch(`${base}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/api/regru2/nop', kind: 'status503', times: 1 }),
    });
    expect(added.status).toBe(200);
    expect((await post('nop')).status).toBe(503);

    const requests = (await (await fetch(`${base}/requests`)).json()) as Array<{ path: string; status: number }>;
    expect(requests.map((entry) => entry.status)).toEqual([503]);
    const counters = (await (await fetch(`${base}/counters`)).json()) as { requestsByIp: Record<string, number> };
    expect(counters).toHaveProperty('billingCalls');

    const bad = await fetch(`${base}/faults`, { method: 'POST', body: JSON.stringify({ path: 'nop', kind: 'delay' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/ms/);

    await call(sandbox, 'zone/add_txt', zoneCall, client);
    const state = (await (await fetch(`${base}/state/client`)).json()) as { zones: Record<string, { records: unknown[] }>; password: string };
    expect(state.zones['client.ru']?.records).toHaveLength(1);
    expect(state.password).toBe('[redacted]');

    expect((await fetch(`${base}/reset`, { method: 'POST' })).status).toBe(200);
    expect(sandbox.requests).toHaveLength(0);
    expect(txtRecords()).toEqual([]);
  });
});
