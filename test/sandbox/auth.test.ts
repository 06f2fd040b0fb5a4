import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/core/client/sig.js';
import { signedText } from '../../src/sandbox/index.js';
import { as, call, startSandbox, type Sandbox } from './helpers.js';

let sandbox: Sandbox;
let privateKey: KeyObject;
let otherKey: KeyObject;

beforeAll(async () => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  sandbox = await startSandbox({
    accounts: [
      { username: 'reseller', password: 'reseller-pass', partner: true, domains: ['example.ru'] },
      { username: 'client', password: 'client-pass', domains: ['client.ru'] },
      {
        username: 'signer',
        password: 'unused-password',
        sigPublicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        domains: ['signed.ru'],
      },
      {
        username: 'certified',
        password: 'unused-password',
        // A self-signed certificate made for this test; its private key is the fixture beside it.
        sigPublicKey: readFileSync(new URL('fixtures/sig-cert.pem', import.meta.url), 'utf8'),
      },
      { username: 'fenced', password: 'fenced-pass', allowedIps: ['127.0.0.2'] },
      { username: 'local', password: 'local-pass', allowedIps: ['127.0.0.1'] },
    ],
  });
});
afterAll(async () => {
  await sandbox.close();
});

/** Sends a sig-authenticated call, signing the values with `key` as regapi2's client does. */
async function signedCall(path: string, inputData: Record<string, unknown>, key: KeyObject) {
  const fields = { username: 'signer', input_format: 'json', lang: 'en', io_encoding: 'utf8' };
  const sig = sign({ ...fields, input_data: inputData }, key);
  return call(sandbox, path, inputData, { ...fields, sig });
}

describe('sandbox authentication', () => {
  it('accepts the test account', async () => {
    const envelope = await call(sandbox, 'nop');
    expect(envelope.answer).toEqual({ login: 'test', user_id: 0 });
  });

  it('answers NO_AUTH with the command name when credentials are missing', async () => {
    const envelope = await call(sandbox, 'user/get_balance', {}, {});
    expect(envelope.error_code).toBe('NO_AUTH');
    expect(envelope.error_params).toEqual({ command_name: 'user/get_balance' });
  });

  it('answers NO_AUTH for a username without password', async () => {
    const envelope = await call(sandbox, 'nop', {}, { username: 'client' });
    expect(envelope.error_code).toBe('NO_AUTH');
  });

  it('answers NO_USERNAME for a password without username', async () => {
    const envelope = await call(sandbox, 'nop', {}, { password: 'client-pass' });
    expect(envelope.error_code).toBe('NO_USERNAME');
  });

  it('rejects a wrong password and an unknown login alike', async () => {
    const wrongPassword = await call(sandbox, 'nop', {}, as('client', 'nope'));
    const unknownLogin = await call(sandbox, 'nop', {}, as('nobody', 'client-pass'));
    const wrongTest = await call(sandbox, 'nop', {}, as('test', 'test2'));
    expect(wrongPassword.error_code).toBe('USER_AUTHENTICATION_FAILED');
    expect(unknownLogin.error_code).toBe('USER_AUTHENTICATION_FAILED');
    expect(wrongTest.error_code).toBe('USER_AUTHENTICATION_FAILED');
  });

  it('lets anyone call a method open to everyone', async () => {
    const envelope = await call(sandbox, 'domain/get_prices', {}, {});
    expect(envelope.result).toBe('success');
    expect(envelope.answer.prices.ru.reg_price).toBeGreaterThan(0);
  });

  it('requires an account to order through a method open to everyone', async () => {
    const envelope = await call(sandbox, 'service/create', { domain_name: 'qqq.ru', servtype: 'srv_hosting_ispmgr' }, {});
    expect(envelope.error_code).toBe('NO_AUTH');
  });

  it('rejects partner-only methods for a client account', async () => {
    const client = await call(sandbox, 'reseller_nop', {}, as('client', 'client-pass'));
    const reseller = await call(sandbox, 'reseller_nop', {}, as('reseller', 'reseller-pass'));
    expect(client.error_code).toBe('RESELLER_AUTH_FAILED');
    expect(reseller.answer).toEqual({ login: 'reseller', user_id: 1 });
  });

  it('accepts a valid RSA-SHA512 signature', async () => {
    const envelope = await signedCall('zone/add_txt', { domains: [{ dname: 'signed.ru' }], subdomain: '_acme', text: 'ключ;0;' }, privateKey);
    expect(envelope.result).toBe('success');
    expect(envelope.answer.domains[0].result).toBe('success');
  });

  it('verifies signatures against a certificate', async () => {
    const certifiedKey = createPrivateKey(readFileSync(new URL('fixtures/sig-key.pem', import.meta.url), 'utf8'));
    const fields = { username: 'certified', input_format: 'json' };
    const good = await call(sandbox, 'nop', { a: 1 }, { ...fields, sig: sign({ ...fields, input_data: { a: 1 } }, certifiedKey) });
    const bad = await call(sandbox, 'nop', { a: 1 }, { ...fields, sig: sign({ ...fields, input_data: { a: 1 } }, otherKey) });
    expect(good.answer).toEqual({ login: 'certified', user_id: 4 });
    expect(bad.error_code).toBe('USER_AUTHENTICATION_FAILED');
  });

  it('rejects a signature made with another key', async () => {
    const envelope = await signedCall('nop', {}, otherKey);
    expect(envelope.error_code).toBe('USER_AUTHENTICATION_FAILED');
  });

  it('rejects a signature over other values', async () => {
    const fields = { username: 'signer', input_format: 'json' };
    const sig = sign({ ...fields, input_data: { dname: 'signed.ru' } }, privateKey);
    const envelope = await call(sandbox, 'domain/nop', { dname: 'other.ru' }, { ...fields, sig });
    expect(envelope.error_code).toBe('USER_AUTHENTICATION_FAILED');
  });

  it('signs the documented example text', () => {
    const text = signedText({ username: 'test', input_format: 'plain', a: '1', dname: 'qqq.ru', b: ['1', '2', '3'] });
    expect(text).toBe('1;1;2;3;plain;qqq.ru;test');
  });

  it('drops zero and empty values and flattens input_data', () => {
    const text = signedText({ username: 'u', input_data: '{}', sig: 'x' }, { list: [{ n: 0, m: 'b' }, ''], flag: true, off: false });
    expect(text).toBe('1;b;u');
  });

  it('refuses signatures for the test account', async () => {
    const sig = sign({ username: 'test' }, privateKey);
    const envelope = await call(sandbox, 'nop', {}, { username: 'test', sig });
    expect(envelope.error_code).toBe('USER_AUTHENTICATION_FAILED');
  });

  it('denies an address outside the allow-list', async () => {
    const envelope = await call(sandbox, 'zone/add_txt', { dname: 'a.ru' }, as('fenced', 'fenced-pass'));
    expect(envelope.error_code).toBe('ACCESS_DENIED_FROM_IP');
    expect(envelope.error_params?.command_name).toBe('zone/add_txt');
  });

  it('admits an address on the allow-list', async () => {
    const envelope = await call(sandbox, 'nop', {}, as('local', 'local-pass'));
    expect(envelope.result).toBe('success');
  });
});
