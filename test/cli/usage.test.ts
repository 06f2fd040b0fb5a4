import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, makeHome, runCli } from './helpers.js';

describe('regapi2 command line', () => {
  const home = makeHome();
  afterAll(() => home.remove());

  for (const command of ['mcp', 'call', 'console', 'doctor', 'sandbox']) {
    it(`shows help for ${command}`, async () => {
      const run = await runCli([command, '--help'], cliEnv(home.home));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.startsWith(`Usage: regapi2 ${command}`)).toBe(true);
    });
  }

  it('shows the command list', async () => {
    const run = await runCli(['--help'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(0);
    for (const command of ['mcp', 'call', 'console', 'doctor', 'sandbox']) expect(run.stdout).toContain(`  ${command}`);
  });

  it('rejects an unknown command', async () => {
    const run = await runCli(['frobnicate'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('"frobnicate"');
    expect(run.stderr).toContain('Usage: regapi2');
  });

  it('rejects an unknown flag', async () => {
    const run = await runCli(['doctor', '--frobnicate'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--frobnicate');
    expect(run.stderr).toContain('Usage: regapi2 doctor');
  });

  it('stops on a bad key file without showing it', async () => {
    const pem = join(home.home, 'client.pem');
    writeFileSync(pem, '-----BEGIN PRIVATE KEY-----\nKEYMATERIAL0123456789\n-----END PRIVATE KEY-----\n');
    for (const command of ['call', 'mcp']) {
      const args = command === 'call' ? ['call', 'nop', '--sandbox'] : ['mcp', '--sandbox'];
      const run = await runCli(args, cliEnv(home.home, { REGAPI_PEM: pem, REGAPI_LOG_LEVEL: 'debug' }));
      expect(run.code, `${command}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain('REGAPI_PEM');
      expect(run.stderr + run.stdout).not.toContain('KEYMATERIAL0123456789');
    }
  });

  it('rejects a bad setting naming it', async () => {
    const run = await runCli(['call', 'nop', '--sandbox', '--lang', 'fr'], cliEnv(home.home));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--lang');
    expect(run.stdout).toBe('');
  });
});
