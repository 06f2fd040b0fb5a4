/**
 * A throwaway PostgreSQL cluster for tests. `initdb` writes it into a temporary directory, and the
 * server listens on 127.0.0.1 on a free port, with its unix socket inside that directory. It uses
 * trust authentication and fsync off, because the data lives only as long as the test run.
 *
 * Set `REGAPI_TEST_PG_URL` to a server you run yourself to skip the cluster, and tests then create
 * their own databases on it. The default export has the shape of a vitest `globalSetup` module, so
 * one cluster can serve a whole run. `usePostgres()` reuses that cluster or starts one per file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestCluster {
  /** A superuser URL of the `postgres` database, like `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  /** Stops the server and removes its directory; does nothing for a server given in `REGAPI_TEST_PG_URL`. */
  stop(): Promise<void>;
}

const PG_PACKAGE_HINT =
  'install PostgreSQL 13 or newer (Debian and Ubuntu: `apt-get install postgresql`) or set REGAPI_TEST_PG_URL to a server you run';

/** Finds a PostgreSQL server binary on PATH, then in the Debian layout /usr/lib/postgresql/VERSION/bin. */
function findBinary(name: string): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() !== '') return onPath.stdout.trim();

  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = join(debianRoot, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`${name} was not found on PATH or in ${debianRoot}/*/bin: ${PG_PACKAGE_HINT}`);
}

/** Asks the kernel for a free TCP port on 127.0.0.1. Another process may take it before the server binds, so callers retry. */
async function freeLoopbackPort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root. As root the cluster belongs to the `postgres` account and every
 * server command runs through `runuser`; as any other user the commands run directly.
 */
function serverAccount(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim());
  } catch {
    throw new Error(`tests run as root but the system has no postgres account to run the server as: ${PG_PACKAGE_HINT}`);
  }
  return { prefix: [runuserPath(), '-u', 'postgres', '--'], uid, gid };
}

/** Finds runuser, which lives in /usr/sbin and so may be missing from a root shell's PATH. */
function runuserPath(): string {
  const directories = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin'].filter((directory) => directory !== '');
  const found = directories.map((directory) => join(directory, 'runuser')).find((candidate) => existsSync(candidate));
  if (!found) throw new Error('tests run as root but runuser is missing; it comes with Debian\'s util-linux package');
  return found;
}

function run(prefix: string[], command: string, args: string[]): void {
  const argv = [...prefix, command, ...args];
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}: ${result.stderr || result.stdout}`);
  }
}

/** Starts a new cluster, or returns the server named by `REGAPI_TEST_PG_URL`. */
export async function startTestCluster(): Promise<TestCluster> {
  const given = process.env.REGAPI_TEST_PG_URL;
  if (given) return { url: given, stop: async () => {} };

  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  const account = serverAccount();

  // As root, TMPDIR may point into a directory the postgres account cannot enter; /tmp is open to all.
  const parent = account.uid !== undefined && existsSync('/tmp') ? '/tmp' : tmpdir();
  const dir = mkdtempSync(join(parent, 'regapi2-pg-'));
  if (account.uid !== undefined) chownSync(dir, account.uid, account.gid!);
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');

  try {
    run(account.prefix, initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  // Binding can lose a race for the port with another process, so a failed start tries a new port.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freeLoopbackPort();
    const serverOptions = [
      `-h 127.0.0.1 -p ${port} -k ${dir}`,
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      '-c max_connections=300 -c shared_buffers=32MB',
    ].join(' ');
    try {
      run(account.prefix, pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
    } catch (error) {
      lastError = error;
      continue;
    }

    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    const stopNow = (): void => {
      if (stopped) return;
      stopped = true;
      const argv = [...account.prefix, pgCtl, '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
      spawnSync(argv[0], argv.slice(1));
      rmSync(dir, { recursive: true, force: true });
    };
    // A test process that exits without calling stop() must not leave a server running.
    process.once('exit', stopNow);
    return { url, stop: async () => stopNow() };
  }

  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`PostgreSQL did not start on 127.0.0.1 after 3 attempts: ${String(lastError)}\n${log}`);
}

/** Creates an empty database with a unique name on the cluster and returns its URL. */
export async function createTestDatabase(clusterUrl: string, prefix = 'regapi2_test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Returns a cluster for one test file: the run's shared cluster when the global setup (or the
 * person running the tests) set `REGAPI_TEST_PG_URL`, otherwise a cluster of the file's own.
 */
export async function usePostgres(): Promise<TestCluster> {
  return await startTestCluster();
}

/** vitest `globalSetup`: one cluster for the run, published to the test workers through `REGAPI_TEST_PG_URL`. */
export default async function setup(): Promise<() => Promise<void>> {
  const cluster = await startTestCluster();
  process.env.REGAPI_TEST_PG_URL = cluster.url;
  return async () => {
    await cluster.stop();
  };
}
