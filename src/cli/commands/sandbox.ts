import { EXIT_OK, UsageError, type Command } from '../command.js';

const usage = `Usage: regapi2 sandbox [options]

Runs the local REG.API server on 127.0.0.1 and prints REGAPI_URL=<base URL> on stdout when it is
ready, so that \`export $(regapi2 sandbox ... | head -n 1)\` points other shells at it. It serves the
public test account test/test with REG.API's canned answers, and one account of its own whose data
changes with every call. Stop it with Ctrl-C.

  --port N              TCP port; 0 (the default) picks a free port
  --host ADDR           loopback address to listen on (default 127.0.0.1)
  --username NAME       login of the account with state (env REGAPI_SANDBOX_USERNAME, default demo)
  --password PASS       its password (env REGAPI_SANDBOX_PASSWORD, default demo)
  --client              make the account a plain client instead of a partner (env REGAPI_SANDBOX_PARTNER=0)
  --balance RUB         its starting balance in rubles (env REGAPI_SANDBOX_BALANCE, default 10000)
  --domain NAME         a domain it owns, with an empty zone; repeat for more
                        (env REGAPI_SANDBOX_DOMAINS, comma-separated; default example.ru,пример.рф)
  --allowed-ip ADDR     accept the account's calls only from this address; repeat for more
  --rate-limit N        requests per hour per account and per address (default 1200)
  --billing-hold-ms MS  keep each billing call open this long, to provoke BILLING_LOCK
  --seed N              seed for fault probabilities (default 1)
  --log-level LEVEL     pino level for the logs on stderr (default info)
  -h, --help            show this help`;

async function run(argv: string[]): Promise<number> {
  // Loaded here rather than at the top, so that other commands do not load the sandbox.
  const { runSandboxCli, SandboxUsageError } = await import('../../sandbox/cli.js');
  try {
    const running = await runSandboxCli(argv, { command: 'regapi2 sandbox' });
    await running?.stopped;
    return EXIT_OK;
  } catch (error) {
    if (error instanceof SandboxUsageError) throw new UsageError(error.message, usage);
    throw error;
  }
}

export const sandboxCommand: Command = { name: 'sandbox', summary: 'run the local REG.API server for tests and trials', usage, run };
