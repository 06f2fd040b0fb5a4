import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { DEFAULT_STORE_URL, openStore, sqlitePathFromUrl } from '../../../src/core/store/index.js';
import { SCHEMA_VERSION } from '../../../src/core/store/sqlite/schema.js';
import type { Store } from '../../../src/core/store/types.js';
import { newOperation, runStoreContract } from './contract.js';

const run = promisify(execFile);
const DIST_STORE = join(import.meta.dirname, '../../../dist/core/store/index.js');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'regapi2-store-'));
}

runStoreContract('sqlite', async () => {
  const dir = tempDir();
  const url = `sqlite:${join(dir, 'store.db')}`;
  const opened: Store[] = [];
  const store = await openStore(url);
  opened.push(store);
  return {
    store,
    async openAnother() {
      const another = await openStore(url);
      opened.push(another);
      return another;
    },
    async dispose() {
      for (const connection of opened) await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** Runs a module script in a separate Node process against the built store and returns its stdout. */
async function runInProcess(script: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
    env: { ...process.env, ...env, STORE_MODULE: DIST_STORE },
  });
  return stdout;
}

describe('sqlite store files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('resolves ~ and relative paths in store URLs', () => {
    expect(sqlitePathFromUrl(DEFAULT_STORE_URL, '/home/alice')).toBe('/home/alice/.regapi2.db');
    expect(sqlitePathFromUrl('sqlite:/var/lib/regapi2.db')).toBe('/var/lib/regapi2.db');
    expect(sqlitePathFromUrl('sqlite:///var/lib/regapi2.db')).toBe('/var/lib/regapi2.db');
    expect(sqlitePathFromUrl('sqlite:data/x.db')).toBe(join(process.cwd(), 'data/x.db'));
    expect(() => sqlitePathFromUrl('sqlite:')).toThrow(/names no file/);
  });

  it('rejects an unknown store scheme', async () => {
    await expect(openStore('mysql://localhost/x')).rejects.toThrow(/unknown scheme.*sqlite:PATH/);
  });

  it('creates the file in WAL mode at the current schema version', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'nested', 'store.db');
    const store = await openStore(`sqlite:${file}`);
    await store.close();

    const db = new DatabaseSync(file);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('SELECT max(version) AS version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    db.close();
  });

  it('creates a new file readable by its owner only', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'private.db');
    const store = await openStore(`sqlite:${file}`);
    await store.close();

    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rejects a file from a newer regapi2', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'store.db');
    (await openStore(`sqlite:${file}`)).close();
    const db = new DatabaseSync(file);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();

    await expect(openStore(`sqlite:${file}`)).rejects.toThrow(/newer than version/);
  });

  it('migrates once when several processes open a new file', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const url = `sqlite:${join(dir, 'store.db')}`;
    const script = `
      const { openStore } = await import(process.env.STORE_MODULE);
      const store = await openStore(process.env.STORE_URL);
      await store.setSetting('opened', String(process.pid), 'yes');
      await store.close();
    `;
    await Promise.all(Array.from({ length: 4 }, () => runInProcess(script, { STORE_URL: url })));

    const db = new DatabaseSync(join(dir, 'store.db'));
    expect(db.prepare('SELECT count(*) AS rows FROM schema_version').get()).toEqual({ rows: SCHEMA_VERSION });
    expect(db.prepare("SELECT count(*) AS rows FROM settings WHERE scope = 'opened'").get()).toEqual({ rows: 4 });
    db.close();
  });

  it('serialises claimNext and takeBudget across processes', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const url = `sqlite:${join(dir, 'store.db')}`;
    const store = await openStore(url);
    const ids: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      ids.push((await store.insertOperation(newOperation({ state: 'queued', account: `acct-${index % 2}` }))).id);
    }

    // Each process claims until the queue is empty. While it owns an operation it checks, through
    // its own connection, that no other operation of the account is in `sending`, and it records
    // what it claimed and how many budget requests it was granted out of 30 tries.
    const script = `
      const { openStore } = await import(process.env.STORE_MODULE);
      const store = await openStore(process.env.STORE_URL);
      const claimed = [];
      let overlaps = 0;
      let granted = 0;
      for (let attempt = 0; attempt < 30; attempt += 1) {
        if ((await store.takeBudget(['account:shared'], 50, 3600000, Date.now())).granted) granted += 1;
      }
      for (let idle = 0; idle < 200; ) {
        const operation = await store.claimNext('pid-' + process.pid, 60000, new Date());
        if (!operation) { idle += 1; await new Promise((r) => setTimeout(r, 5)); continue; }
        idle = 0;
        claimed.push(operation.id);
        const sending = await store.listOperations({ account: operation.account, states: ['sending'] });
        if (sending.length !== 1) overlaps += 1;
        await new Promise((r) => setTimeout(r, 3));
        await store.updateOperation(operation.id, { states: ['sending'] }, { state: 'done', leaseOwner: null, leaseUntil: null });
        if ((await store.listOperations({ states: ['queued'] })).length === 0) break;
      }
      await store.close();
      process.stdout.write(JSON.stringify({ claimed, overlaps, granted }));
    `;
    const outputs = await Promise.all(Array.from({ length: 3 }, () => runInProcess(script, { STORE_URL: url })));
    const reports = outputs.map((output) => JSON.parse(output) as { claimed: string[]; overlaps: number; granted: number });
    const claimed = reports.flatMap((report) => report.claimed);

    expect(claimed.sort()).toEqual([...ids].sort());
    expect(reports.map((report) => report.overlaps)).toEqual([0, 0, 0]);
    expect(reports.reduce((sum, report) => sum + report.granted, 0)).toBe(50);
    await store.close();
  });
});
