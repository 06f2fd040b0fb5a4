import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/client/errors.js';
import { loadClientCertificate, loadSigningKey } from '../../../src/core/client/keys.js';

function makeCertificate(dir: string, passphrase?: string): { certPath: string; keyPath: string } {
  const keyPath = join(dir, 'client.key');
  const certPath = join(dir, 'client.crt');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath, ...(passphrase ? ['-aes256', '-pass', `pass:${passphrase}`] : [])], { stdio: 'ignore' });
  execFileSync('openssl', ['req', '-new', '-x509', '-key', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=regapi2-test', ...(passphrase ? ['-passin', `pass:${passphrase}`] : [])], { stdio: 'ignore' });
  return { certPath, keyPath };
}

describe('client certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regapi2-tls-'));

  it('loads a certificate and key from one PEM file', () => {
    const { certPath, keyPath } = makeCertificate(dir);
    const pem = join(dir, 'both.pem');
    writeFileSync(pem, readFileSync(certPath, 'utf8') + readFileSync(keyPath, 'utf8'));
    const loaded = loadClientCertificate(pem);
    expect(loaded.cert).toContain('BEGIN CERTIFICATE');
    expect(loaded.key).toContain('PRIVATE KEY');
  });

  it('rejects a certificate without its key, naming the file', () => {
    const { certPath } = makeCertificate(dir);
    const error = (() => {
      try {
        loadClientCertificate(certPath);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(certPath);
    expect((error as ConfigError).message).toMatch(/no private key/);
  });

  it('rejects a wrong passphrase, naming the file and the setting', () => {
    const sub = mkdtempSync(join(dir, 'enc-'));
    const { certPath, keyPath } = makeCertificate(sub, 'right-passphrase');
    const pem = join(sub, 'both.pem');
    writeFileSync(pem, readFileSync(certPath, 'utf8') + readFileSync(keyPath, 'utf8'));
    expect(loadClientCertificate(pem, 'right-passphrase').passphrase).toBe('right-passphrase');
    let error: unknown;
    try {
      loadClientCertificate(pem, 'wrong-passphrase');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(pem);
    expect((error as ConfigError).message).toMatch(/pem_password/);
    expect((error as ConfigError).message).not.toContain('wrong-passphrase');
  });

  it('rejects a signing key that is not RSA', () => {
    const path = join(dir, 'ec.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path], { stdio: 'ignore' });
    expect(() => loadSigningKey(path)).toThrow(/RSA/);
  });
});
