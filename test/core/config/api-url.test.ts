import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/index.js';

function load(apiUrl: string) {
  return () => loadConfig({ env: { REGAPI_URL: apiUrl }, configFile: '/nonexistent/regapi2-test-config' });
}

describe('REGAPI_URL', () => {
  // Method paths are appended to the base URL, so a query or fragment would swallow them.
  it.each(['http://127.0.0.1:8080/api/regru2?x=1', 'http://127.0.0.1:8080/api/regru2#top'])('rejects %s', (url) => {
    expect(load(url)).toThrow(/REGAPI_URL/);
  });

  it('accepts a base URL with a trailing slash', () => {
    expect(load('http://127.0.0.1:8080/api/regru2/')().apiUrl).toContain('/api/regru2');
  });
});

describe('REGAPI_URL scheme', () => {
  // Every request carries the password, so plain http may only stay on this machine.
  it.each(['http://api.reg.ru/api/regru2', 'http://192.0.2.10/api/regru2'])('rejects plain http to %s', (url) => {
    expect(load(url)).toThrow(/only for loopback addresses/);
  });

  it.each(['https://api.reg.ru/api/regru2', 'http://localhost:8080/api/regru2', 'http://[::1]:8080/api/regru2'])('accepts %s', (url) => {
    expect(load(url)().apiUrl).toBe(url);
  });
});
