import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { ConfigError } from './errors.js';

/** The TLS client identity undici presents, as PEM text. */
export interface ClientCertificate {
  cert: string;
  key: string;
  passphrase?: string;
  ca?: string;
}

function readPem(path: string, setting: string, where: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([{ setting, message: `cannot read ${path}: ${(error as Error).message}`, where }]);
  }
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * Loads the TLS client certificate and key from one PEM file, as the Ruby gem's `pem` setting does.
 * A file without a key, without a certificate, with a key that does not match, or a wrong passphrase
 * is a start-up error naming the file, so the first request does not fail in the TLS handshake.
 */
export function loadClientCertificate(pemPath: string, passphrase?: string, caPath?: string): ClientCertificate {
  const where = 'REGAPI_PEM or pem= in ~/.regapi2';
  const text = readPem(pemPath, 'pem', where);
  const blocks = [...text.matchAll(PEM_BLOCK)];
  const certBlock = blocks.find((block) => block[1] === 'CERTIFICATE');
  const keyBlock = blocks.find((block) => block[1].endsWith('PRIVATE KEY'));
  if (!certBlock) {
    throw new ConfigError([{ setting: 'pem', message: `${pemPath} holds no CERTIFICATE block`, where }]);
  }
  if (!keyBlock) {
    throw new ConfigError([{ setting: 'pem', message: `${pemPath} holds a certificate but no private key; put the certificate and its key in the same PEM file`, where }]);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyBlock[0], passphrase });
  } catch (error) {
    const encrypted = keyBlock[0].includes('ENCRYPTED');
    const message = encrypted
      ? `the key in ${pemPath} cannot be decrypted with the given passphrase (${passphrase === undefined ? 'none given' : 'wrong passphrase'})`
      : `the key in ${pemPath} cannot be read: ${(error as Error).message}`;
    throw new ConfigError([{ setting: encrypted ? 'pem_password' : 'pem', message, where: encrypted ? 'REGAPI_PEM_PASSWORD or pem_password= in ~/.regapi2' : where }]);
  }
  const certificate = new X509Certificate(certBlock[0]);
  if (!certificate.checkPrivateKey(key)) {
    throw new ConfigError([{ setting: 'pem', message: `the key in ${pemPath} does not belong to its certificate`, where }]);
  }
  const ca = caPath ? readPem(caPath, 'ca_cert_path', 'REGAPI_CA_CERT_PATH or ca_cert_path= in ~/.regapi2') : undefined;
  return { cert: certBlock[0], key: keyBlock[0], passphrase, ca };
}

/** Loads the RSA private key for `sig` authentication. */
export function loadSigningKey(path: string): KeyObject {
  const where = 'REGAPI_SIG_KEY';
  const text = readPem(path, 'REGAPI_SIG_KEY', where);
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'rsa') {
      throw new Error(`expected an RSA key, found ${key.asymmetricKeyType ?? 'an unknown type'}`);
    }
    return key;
  } catch (error) {
    throw new ConfigError([{ setting: 'REGAPI_SIG_KEY', message: `${path} is not a usable RSA private key: ${(error as Error).message}`, where }]);
  }
}
