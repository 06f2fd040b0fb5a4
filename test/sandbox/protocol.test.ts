import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/catalogue/index.js';
import { call, postForm, startSandbox, type Envelope, type Sandbox } from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox protocol', () => {
  it('listens on loopback with the REG.API base path', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/regru2$/);
  });

  it('answers nop with the full success envelope', async () => {
    const envelope = await call(sandbox, 'nop');
    expect(envelope).toEqual({ result: 'success', answer: { login: 'test', user_id: 0 }, charset: 'utf-8', messagestore: null });
  });

  it('rejects GET with ONLY_POST_ALLOWED', async () => {
    const response = await fetch(`${sandbox.url}/zone/add_txt?username=test&password=test`);
    const envelope = (await response.json()) as Envelope;
    expect(response.status).toBe(200);
    expect(envelope.result).toBe('error');
    expect(envelope.error_code).toBe('ONLY_POST_ALLOWED');
  });

  it('rejects a query string on POST', async () => {
    const response = await fetch(`${sandbox.url}/nop?username=test`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'test', password: 'test' }),
    });
    const envelope = (await response.json()) as Envelope;
    expect(envelope.error_code).toBe('QUERY_PARAMS_DISALLOWED');
  });

  it('names an unknown method in NO_SUCH_COMMAND', async () => {
    const envelope = await call(sandbox, 'zone/add_everything');
    expect(envelope.error_code).toBe('NO_SUCH_COMMAND');
    expect(envelope.error_params).toEqual({ command_name: 'zone/add_everything' });
  });

  it('reports input_data that is not JSON', async () => {
    const { json } = await postForm(sandbox, 'nop', 'username=test&password=test&input_format=json&input_data=%7Bnot-json');
    expect(json.result).toBe('error');
    expect(json.error_code).toBe('PARAMETER_INCORRECT');
    expect(json.error_params?.param).toBe('input_data');
  });

  it('reports input_data that is a JSON list', async () => {
    const { json } = await postForm(sandbox, 'nop', 'username=test&password=test&input_format=json&input_data=%5B1%5D');
    expect(json.error_code).toBe('PARAMETER_INCORRECT');
  });

  it('reads plain form fields without input_format', async () => {
    const { json } = await postForm(sandbox, 'domain/check', 'username=test&password=test&domain_name=ya.ru');
    expect(json.answer.domains).toEqual([{ dname: 'ya.ru', result: 'Available' }]);
  });

  it('accepts a multipart body', async () => {
    const form = new FormData();
    form.set('username', 'test');
    form.set('password', 'test');
    const response = await fetch(`${sandbox.url}/get_user_id`, { method: 'POST', body: form });
    const envelope = (await response.json()) as Envelope;
    expect(envelope.answer).toEqual({ user_id: 0 });
  });

  it('rejects a JSON request body with a named error', async () => {
    const response = await fetch(`${sandbox.url}/nop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"test"}',
    });
    const envelope = (await response.json()) as Envelope;
    expect(envelope.error_code).toBe('PARAMETER_INCORRECT');
    expect(envelope.error_params?.param).toBe('Content-Type');
  });

  it('refuses io_encoding other than utf8', async () => {
    const utf8 = await call(sandbox, 'nop', {}, { username: 'test', password: 'test', io_encoding: 'utf8' });
    expect(utf8.result).toBe('success');
    const cp1251 = await call(sandbox, 'nop', {}, { username: 'test', password: 'test', io_encoding: 'cp1251' });
    expect(cp1251.error_code).toBe('PARAMETER_INCORRECT');
    expect(cp1251.error_params?.param).toBe('io_encoding');
  });

  it('translates error_text by lang and keeps the code', async () => {
    const english = await call(sandbox, 'nop', {}, { username: 'test', password: 'wrong' });
    const russian = await call(sandbox, 'nop', {}, { username: 'test', password: 'wrong', lang: 'ru' });
    expect(english.error_code).toBe('USER_AUTHENTICATION_FAILED');
    expect(russian.error_code).toBe('USER_AUTHENTICATION_FAILED');
    expect(english.error_text).toBe('Login or password is incorrect.');
    expect(russian.error_text).toMatch(/[а-я]/);
  });

  it('echoes input_params only when show_input_params=1', async () => {
    const plain = await call(sandbox, 'nop');
    expect(plain.input_params).toBeUndefined();
    const echoed = await call(sandbox, 'nop', { dname: 'a.ru' }, { username: 'test', password: 'test', show_input_params: '1' });
    expect(echoed.input_params?.password).toBe('test');
    expect(echoed.input_params?.dname).toBe('a.ru');
    const failed = await call(sandbox, 'nop', {}, { username: 'test', password: 'S3cr3t-Pa55', show_input_params: '1' });
    expect(failed.error_code).toBe('USER_AUTHENTICATION_FAILED');
    expect(failed.input_params?.password).toBe('S3cr3t-Pa55');
  });

  it('serves every catalogue method', async () => {
    const unknown: string[] = [];
    for (const method of catalogue) {
      const envelope = await call(sandbox, method.path);
      if (envelope.error_code === 'NO_SUCH_COMMAND') unknown.push(method.path);
    }
    expect(unknown).toEqual([]);
    expect(catalogue.length).toBeGreaterThan(100);
  });

  it('records each request with its form fields', async () => {
    sandbox.reset();
    await call(sandbox, 'zone/add_txt', { domains: [{ dname: 'example.ru' }], subdomain: '_acme-challenge', text: 'abc123' });
    expect(sandbox.requests).toHaveLength(1);
    const [recorded] = sandbox.requests;
    expect(recorded?.method).toBe('POST');
    expect(recorded?.path).toBe('/api/regru2/zone/add_txt');
    expect(recorded?.query).toBe('');
    expect(recorded?.contentType).toContain('application/x-www-form-urlencoded');
    expect(recorded?.fields.input_format).toBe('json');
    expect(JSON.parse(String(recorded?.fields.input_data))).toMatchObject({ subdomain: '_acme-challenge', text: 'abc123' });
    expect(recorded?.clientIp).toBe('127.0.0.1');
    expect((recorded?.answer as Envelope).result).toBe('success');
  });
});
