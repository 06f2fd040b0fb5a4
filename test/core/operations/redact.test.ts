import { describe, expect, it } from 'vitest';

import { redactInput } from '../../../src/core/operations/redact.js';

describe('redactInput', () => {
  it('replaces secret parameters at any depth', () => {
    const input = {
      domains: [{ dname: 'example.ru', authinfo: 'Xy7-transfer-code' }],
      user_password: 'S3cr3t-Pa55',
      contacts: { person: 'Ivan Ivanov', passport: '45 00 123456' },
    };
    const redacted = redactInput(input);

    expect(redacted.domains[0]!.authinfo).toBe('[redacted]');
    expect(redacted.user_password).toBe('[redacted]');
    expect(JSON.stringify(redacted)).not.toContain('S3cr3t');
    expect(JSON.stringify(redacted)).not.toContain('Xy7');
  });

  it('keeps everything else and the original unchanged', () => {
    const input = { domains: [{ dname: 'example.ru', authinfo: 'code' }], period: 1, contacts: { passport: '45 00 123456' } };
    const redacted = redactInput(input);

    expect(redacted.domains[0]!.dname).toBe('example.ru');
    expect(redacted.period).toBe(1);
    expect(redacted.contacts.passport).toBe('45 00 123456');
    expect(input.domains[0]!.authinfo).toBe('code');
  });
});
