import { generateKeyPairSync, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, signatureText } from '../../../src/core/client/sig.js';

describe('sig authentication', () => {
  it('joins sorted values and drops zero and empty ones', () => {
    // The documented example: values test, plain, 1, qqq.ru, 1, 2, 3 sign as 1;1;2;3;plain;qqq.ru;test.
    const text = signatureText({ username: 'test', output_content_type: 'plain', show_input_params: 1, input_data: { domain_name: 'qqq.ru', list: [1, 2, 3], none: 0, empty: '' } });
    expect(text).toBe('1;1;2;3;plain;qqq.ru;test');
  });

  it('ignores the sig field itself', () => {
    expect(signatureText({ username: 'u', sig: 'abc' })).toBe('u');
  });

  it('signs with RSA over SHA-512', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const fields = { username: 'u', input_data: { dname: 'пример.рф' } };
    const signature = sign(fields, privateKey);
    const verifier = createVerify('SHA512');
    verifier.update(signatureText(fields), 'utf8');
    expect(verifier.verify(publicKey, signature, 'base64')).toBe(true);
  });
});
