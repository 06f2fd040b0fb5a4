import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, makeHome, runCli } from './helpers.js';

const WRITE = ['call', 'zone/add_txt', 'domain_name=example.ru', 'subdomain=_acme-challenge', 'text=abc123', '--sandbox'];

describe('regapi2 call approval hint', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  it('says an in-memory operation cannot be approved', async () => {
    const run = await runCli(WRITE, cliEnv(home.home));
    expect(run.code, run.stderr).toBe(0);
    const operation = JSON.parse(run.stdout) as { id: string };

    expect(run.stderr).toContain('keeps operations in memory');
    expect(run.stderr).not.toContain(`regapi2 ops approve ${operation.id}`);
  });

  it('does not wait on an in-memory operation', async () => {
    const run = await runCli([...WRITE, '--wait'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).state).toBe('awaiting_approval');
  });

  it('names the chosen store in the commands', async () => {
    const store = `sqlite:${join(home.home, 'chosen.db')}`;
    const proposed = await runCli([...WRITE, '--store', store], cliEnv(home.home));
    expect(proposed.code, proposed.stderr).toBe(0);
    const operation = JSON.parse(proposed.stdout) as { id: string };
    expect(proposed.stderr).toContain(`regapi2 ops approve ${operation.id} --confirm "example.ru" --store ${store}`);

    const approved = await runCli(['ops', 'approve', operation.id, '--confirm', 'example.ru', '--store', store, '--json'], cliEnv(home.home));
    expect(approved.code, approved.stderr).toBe(0);
    expect(JSON.parse(approved.stdout).state).toMatch(/^(approved|queued)$/);
  });
});
