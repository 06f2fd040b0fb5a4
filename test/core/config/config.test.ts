import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/client/errors.js';
import { loadConfig, parseConfigFile } from '../../../src/core/config/index.js';
import { renderSettingsTable } from '../../../src/core/config/table.js';

function homeWith(text: string): string {
  const home = mkdtempSync(join(tmpdir(), 'regapi2-home-'));
  writeFileSync(join(home, '.regapi2'), text);
  return home;
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('reads the Ruby gem file format', () => {
    const parsed = parseConfigFile('# my account\nusername = reseller\npassword=pa=ss#word\n\nlang=ru\n', '~/.regapi2');
    expect(parsed.values).toEqual({ username: 'reseller', password: 'pa=ss#word', lang: 'ru' });
    expect(parsed.problems).toEqual([]);
  });

  it('names unknown keys and malformed lines with their line numbers', () => {
    const parsed = parseConfigFile('usrname=x\njust text\n', 'F');
    expect(parsed.problems).toEqual([expect.stringMatching(/F line 1: unknown key "usrname"/), expect.stringMatching(/F line 2: expected key=value/)]);
  });

  it('takes flags over environment over file over defaults', () => {
    const home = homeWith('username=fromfile\npassword=filepass\nlang=ru\n');
    const fromFile = loadConfig({ homeDir: home, env: {} });
    expect(fromFile.username).toBe('fromfile');
    expect(fromFile.lang).toBe('ru');
    expect(fromFile.sources.username).toBe('file');
    const fromEnv = loadConfig({ homeDir: home, env: { REGAPI_LANG: 'en' } });
    expect(fromEnv.lang).toBe('en');
    const fromFlag = loadConfig({ homeDir: home, env: { REGAPI_LANG: 'en' }, flags: { lang: 'th' } });
    expect(fromFlag.lang).toBe('th');
    expect(fromFlag.sources.lang).toBe('flag');
  });

  it('defaults to the public test account and says so', () => {
    const config = loadConfig({ homeDir: mkdtempSync(join(tmpdir(), 'regapi2-empty-')), env: {} });
    expect(config.username).toBe('test');
    expect(config.usingTestAccount).toBe(true);
    expect(config.apiUrl).toBe('https://api.reg.ru/api/regru2');
    expect(config.store).toMatch(/^sqlite:.*\.regapi2\.db$/);
  });

  it('lists every bad setting with where to set it', () => {
    const error = configError(() => loadConfig({ homeDir: mkdtempSync(join(tmpdir(), 'regapi2-bad-')), env: { REGAPI_URL: 'ftp://x', REGAPI_RATE_BUDGET: 'lots', REGAPI_LANG: 'de' } }));
    const settings = error.issues.map((issue) => issue.setting);
    expect(settings).toEqual(expect.arrayContaining(['REGAPI_URL', 'REGAPI_RATE_BUDGET', 'REGAPI_LANG']));
    expect(error.message).toContain('"lots"');
    expect(error.message).toContain('REGAPI_RATE_BUDGET');
  });

  it('refuses a real login without a password and never shows a secret', () => {
    const missing = configError(() => loadConfig({ homeDir: mkdtempSync(join(tmpdir(), 'regapi2-nopass-')), env: { REGAPI_USERNAME: 'reseller' } }));
    expect(missing.message).toMatch(/"reseller" is set but no password/);
    const short = configError(() => loadConfig({ homeDir: mkdtempSync(join(tmpdir(), 'regapi2-tok-')), env: { REGAPI_MCP_TOKEN: 'short-secret' } }));
    expect(short.message).toContain('REGAPI_MCP_TOKEN');
    expect(short.message).not.toContain('short-secret');
  });

  it('matches the table in docs/configuration.md', () => {
    const docs = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(docs).toContain(renderSettingsTable());
  });
});
