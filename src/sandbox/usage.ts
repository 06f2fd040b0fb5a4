// The help text lives apart from the server so that `regapi2 --help` can show it without loading the sandbox.

/** Returns the help text, with `command` as the way the sandbox is started. */
export function sandboxUsage(command = 'node dist/sandbox/main.js'): string {
  return `Usage: ${command} [options]

Runs a local REG.API server on loopback and prints REGAPI_URL=<base URL> on stdout when it is ready.
It serves the public test account test/test and one configured account whose data changes with
every call. Stop it with Ctrl-C (SIGINT) or SIGTERM.

  --port N              TCP port; 0 (the default) picks a free port
  --host ADDR           loopback address to listen on (default 127.0.0.1)
  --username NAME       login of the configured account (env REGAPI_SANDBOX_USERNAME, default demo)
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
  -h, --help            show this help

Tests in other processes steer a running sandbox through /__sandbox/faults, /__sandbox/requests,
/__sandbox/counters, /__sandbox/state/USERNAME and /__sandbox/reset on the same port.`;
}
