import { RateLimitedError, RegApi2Error, RegApiError } from '../../core/client/errors.js';
import type { Core } from '../../core/core.js';
import { redactStoreUrl, type Store } from '../../core/store/index.js';
import { EXIT_FAILED, EXIT_OK, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { openRuntime } from '../runtime.js';

const usage = `Usage: regapi2 doctor [options]

Checks what regapi2 needs before it can work, one line per check (✓ passed, ✗ failed, – skipped):
the credentials (REG.API nop), the IP allow-list of the account, whether the account is a partner
(reseller_nop), the request budget and the store. Exits with 1 when a check fails.

${COMMON_OPTIONS_HELP}`;

type Status = 'pass' | 'fail' | 'skip';

interface CheckLine {
  status: Status;
  name: string;
  text: string;
}

const MARKS: Record<Status, string> = { pass: '✓', fail: '✗', skip: '–' };

/** REG.API's own hourly limit per account and per IP address. */
const REGAPI_HOURLY_LIMIT = 1200;

/** Codes that mean the login or password is wrong, as opposed to the address or the account type. */
const CREDENTIAL_CODES = new Set(['NO_USERNAME', 'NO_AUTH', 'PASSWORD_AUTH_FAILED', 'USER_AUTHENTICATION_FAILED', 'ACCOUNT_BLOCKED']);

function failureText(error: RegApi2Error): string {
  return `${error.code}: ${error.message} Next step: ${error.hint}`;
}

async function checkAccess(core: Core): Promise<{ lines: CheckLine[]; reached: boolean; rateError?: RateLimitedError }> {
  const login = core.config.username;
  try {
    const result = await core.call<{ login?: string; user_id?: string }>('nop', {}, { fresh: true });
    const userId = result.answer?.user_id;
    return {
      reached: true,
      lines: [
        { status: 'pass', name: 'credentials', text: `REG.API accepted login ${login}${userId !== undefined ? ` (user_id ${userId})` : ''}` },
        { status: 'pass', name: 'IP allow-list', text: 'REG.API accepts calls from this machine' },
      ],
    };
  } catch (error) {
    if (!(error instanceof RegApi2Error)) throw error;
    const skipped = (name: string): CheckLine => ({ status: 'skip', name, text: `not checked because the call failed with ${error.code}` });
    if (error instanceof RateLimitedError) {
      return { reached: false, rateError: error, lines: [skipped('credentials'), skipped('IP allow-list')] };
    }
    if (error instanceof RegApiError && error.code === 'ACCESS_DENIED_FROM_IP') {
      return {
        reached: false,
        lines: [skipped('credentials'), { status: 'fail', name: 'IP allow-list', text: failureText(error) }],
      };
    }
    if (error instanceof RegApiError && CREDENTIAL_CODES.has(error.code)) {
      return { reached: false, lines: [{ status: 'fail', name: 'credentials', text: failureText(error) }, skipped('IP allow-list')] };
    }
    return {
      reached: false,
      lines: [{ status: 'fail', name: 'credentials', text: `cannot check: ${failureText(error)}` }, skipped('IP allow-list')],
    };
  }
}

async function checkPartner(core: Core): Promise<CheckLine> {
  try {
    await core.call('reseller_nop', {}, { fresh: true });
    return { status: 'pass', name: 'account type', text: 'partner (reseller): partner-only methods such as domain/check are available' };
  } catch (error) {
    if (error instanceof RegApiError && error.code === 'RESELLER_AUTH_FAILED') {
      return { status: 'pass', name: 'account type', text: 'client, not a partner: partner-only methods such as domain/check answer RESELLER_AUTH_FAILED' };
    }
    if (error instanceof RegApi2Error) return { status: 'fail', name: 'account type', text: failureText(error) };
    throw error;
  }
}

function checkBudget(core: Core, rateError?: RateLimitedError): CheckLine {
  const { rateBudget, rateWindowMs } = core.config;
  const minutes = Math.round(rateWindowMs / 60_000);
  if (rateError) return { status: 'fail', name: 'rate budget', text: failureText(rateError) };
  const perHour = (rateBudget * 3_600_000) / rateWindowMs;
  if (perHour > REGAPI_HOURLY_LIMIT) {
    return {
      status: 'fail',
      name: 'rate budget',
      text: `${rateBudget} requests per ${minutes} minutes exceeds REG.API's ${REGAPI_HOURLY_LIMIT} per hour, so REG.API would block the account first. Next step: lower REGAPI_RATE_BUDGET to 1100 or less.`,
    };
  }
  return { status: 'pass', name: 'rate budget', text: `${rateBudget} requests per ${minutes} minutes per account and egress address, with room left` };
}

async function checkStore(url: string, store: Store | undefined, storeError: Error | undefined): Promise<CheckLine> {
  if (!store) {
    return { status: 'fail', name: 'store', text: `cannot open ${url}: ${storeError?.message ?? 'unknown error'}. Next step: fix --store or REGAPI_STORE.` };
  }
  try {
    const stamp = new Date().toISOString();
    await store.setSetting('doctor', 'last_check', stamp);
    const read = await store.getSetting('doctor', 'last_check');
    if (read !== stamp) return { status: 'fail', name: 'store', text: `${url}: a value written was not read back` };
    return { status: 'pass', name: 'store', text: `${url} (${store.kind}) opened, migrated, writable` };
  } catch (error) {
    return { status: 'fail', name: 'store', text: `${url}: ${(error as Error).message}` };
  }
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, usage, COMMON_OPTIONS, false);
  const runtime = await openRuntime(configFlags(values), { continueWithoutStore: true });
  const { core, config } = runtime;
  try {
    const lines: CheckLine[] = [
      { status: 'pass', name: 'configuration', text: `login ${config.username} at ${config.apiUrl}${config.usingTestAccount ? ' (the public test account)' : ''}` },
    ];
    const access = await checkAccess(core);
    lines.push(...access.lines);
    lines.push(access.reached ? await checkPartner(core) : { status: 'skip', name: 'account type', text: 'not checked because REG.API refused the first call' });
    lines.push(checkBudget(core, access.rateError));
    lines.push(await checkStore(redactStoreUrl(config.store), runtime.store, runtime.storeError));

    for (const line of lines) process.stdout.write(`${MARKS[line.status]} ${line.name}: ${line.text}\n`);
    return lines.some((line) => line.status === 'fail') ? EXIT_FAILED : EXIT_OK;
  } finally {
    await runtime.close();
  }
}

export const doctorCommand: Command = { name: 'doctor', summary: 'check credentials, IP allow-list, account type, rate budget and store', usage, run };
