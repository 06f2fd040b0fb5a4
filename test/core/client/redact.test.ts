import { describe, expect, it } from 'vitest';
import { redactParameters, redactRequest, scrubText, stripEcho } from '../../../src/core/client/redact.js';

describe('redaction', () => {
  it('hides credentials and secret parameters in a request copy', () => {
    const form = new URLSearchParams({
      username: 'reseller',
      password: 'account-pass',
      input_data: JSON.stringify({ user_login: 'client1', user_password: 'new-user-pass', domains: [{ dname: 'a.com', authinfo: 'EPP-code-1' }] }),
    });
    const copy = redactRequest('https://api.example/x', 'user/create', form);
    const text = JSON.stringify(copy);
    expect(copy.fields.username).toBe('reseller');
    expect(text).not.toContain('account-pass');
    expect(text).not.toContain('new-user-pass');
    expect(text).not.toContain('EPP-code-1');
    expect(JSON.parse(copy.fields.input_data).user_login).toBe('client1');
  });

  it('keeps empty secret fields visible as empty', () => {
    expect(redactParameters({ passwd: '', login: 'x' })).toEqual({ passwd: '', login: 'x' });
  });

  it('scrubs raw, URL-encoded and form-encoded secrets from text', () => {
    const secret = 'p&ss=w"rd%2B+ё';
    const text = `raw ${secret} url ${encodeURIComponent(secret)} form ${new URLSearchParams({ s: secret }).toString().slice(2)}`;
    const scrubbed = scrubText(text, [secret]);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).not.toContain(encodeURIComponent(secret));
    expect(scrubbed.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it('drops echoed input_params at any depth', () => {
    const answer = { domains: [{ dname: 'a.ru', input_params: { password: 'x' } }], input_params: { password: 'x' } };
    expect(JSON.stringify(stripEcho(answer))).not.toContain('input_params');
  });
});
