import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';

import { RegApi2Error } from '../../core/client/errors.js';
import { describeJournal, describeOperation } from '../../core/operations/describe.js';
import { createOperations, OperationNotFoundError } from '../../core/operations/index.js';
import { redactStoreUrl } from '../../core/store/index.js';
import { slackNotifiers } from '../../slack/index.js';
import type { OperationRecord, OperationState, Operations } from '../../core/operations/types.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from '../command.js';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, configFlags, parseCommandArgs } from '../options.js';
import { printErrorJson, printJson } from '../output.js';
import { openRuntime, type Runtime } from '../runtime.js';

const usage = `Usage: regapi2 ops list|show ID|approve ID|reject ID [options]

The write queue for a person at a terminal: every write or billing call waits here for approval,
and the journal records each request and answer.

  list                 pending operations, then the 20 most recent others (--all: every one)
  show ID              one operation: its preview, state, result and journal
  approve ID           approve a pending operation; at a terminal it asks you to type the domain
                       or service id shown under "Confirm with"
  reject ID            reject a pending operation; nothing is sent

  --confirm VALUE      approve: the domain or service id to confirm with, instead of typing it
  --reason TEXT        reject: why, for the journal and the requester
  --wait               approve: wait until the operation is done or failed (needs a running worker)
  --timeout-ms N       how long --wait waits, in milliseconds (default 120000)
  --all                list: every operation, not only the recent ones
  --json               print JSON instead of text

You act as cli:<your OS user name>. Nobody approves a billing operation that they requested.

${COMMON_OPTIONS_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  confirm: { type: 'string' },
  reason: { type: 'string' },
  wait: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const RECENT_LIMIT = 20;
const OPERATION_ID = /^[0-9a-f]{32}$/;

/** Returns the person at this terminal as the journal names them: `cli:<OS user name>`. */
export function terminalActor(): string {
  return `cli:${userInfo().username}`;
}

function requireId(id: string | undefined, subcommand: string): string {
  if (id === undefined) throw new UsageError(`ops ${subcommand} needs an operation id; list them with \`regapi2 ops list\``, usage.split('\n')[0]);
  if (!OPERATION_ID.test(id)) {
    throw new UsageError(`"${id}" is not an operation id; ids are 32 lower-case hexadecimal characters, as \`regapi2 ops list\` shows them`, usage.split('\n')[0]);
  }
  return id;
}

function summaryLine(operation: OperationRecord): string {
  const headline = operation.preview?.headline ?? operation.path;
  return `${operation.id}  ${operation.state.padEnd(17)} ${operation.createdAt}  ${operation.requestedBy.padEnd(16)} ${headline}`;
}

async function listOperations(operations: Operations, all: boolean, json: boolean): Promise<number> {
  const pending = await operations.list({ states: ['awaiting_approval'] });
  const others = (await operations.list(all ? {} : { limit: RECENT_LIMIT + pending.length })).filter((operation) => operation.state !== 'awaiting_approval');
  const recent = all ? others : others.slice(0, RECENT_LIMIT);
  if (json) {
    printJson({ pending, recent });
    return EXIT_OK;
  }
  const lines = ['Awaiting approval:', ...(pending.length > 0 ? pending.map((op) => `  ${summaryLine(op)}`) : ['  (none)'])];
  lines.push(all ? 'All others:' : 'Recent:', ...(recent.length > 0 ? recent.map((op) => `  ${summaryLine(op)}`) : ['  (none)']));
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function showOperation(operations: Operations, id: string, json: boolean): Promise<number> {
  const operation = await operations.get(id);
  if (!operation) {
    printErrorJson(new OperationNotFoundError(id));
    return EXIT_FAILED;
  }
  const journal = await operations.journal(id);
  if (json) {
    printJson({ operation, journal });
    return EXIT_OK;
  }
  process.stdout.write(`${[...describeOperation(operation), 'Journal:', ...describeJournal(journal)].join('\n')}\n`);
  return EXIT_OK;
}

/** Asks the person at the terminal to type the confirmation value; stderr keeps stdout for results. */
async function askConfirmation(operation: OperationRecord): Promise<string> {
  process.stderr.write(`${describeOperation(operation).join('\n')}\n`);
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await prompt.question(`Type ${operation.preview?.confirmWith ?? 'the object'} to approve: `);
  } finally {
    prompt.close();
  }
}

const WAIT_END_STATES: readonly OperationState[] = ['done', 'done_unpaid'];

async function approveOperation(operations: Operations, id: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  const operation = await operations.get(id);
  if (!operation) {
    printErrorJson(new OperationNotFoundError(id));
    return EXIT_FAILED;
  }
  let confirmation = typeof values.confirm === 'string' ? values.confirm : undefined;
  const needsTyping = Boolean(operation.preview?.confirmWith) && operation.state === 'awaiting_approval';
  if (confirmation === undefined && needsTyping) {
    if (!process.stdin.isTTY) {
      throw new UsageError(
        `stdin is not a terminal, so give the confirmation with --confirm ${operation.preview!.confirmWith}`,
        usage.split('\n')[0],
      );
    }
    confirmation = await askConfirmation(operation);
  }

  const approved = await operations.approve(id, { by: terminalActor(), tier: 'terminal', confirmation });
  if (values.wait !== true) {
    if (values.json === true) printJson(approved);
    else process.stdout.write(`Approved ${id}; it is ${approved.state}. Follow it with: regapi2 ops show ${id}\n`);
    return EXIT_OK;
  }
  const timeoutMs = Number(values['timeout-ms'] ?? 120_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new UsageError(`--timeout-ms ${String(values['timeout-ms'])} is not a positive number of milliseconds`, usage.split('\n')[0]);
  }
  const finished = await operations.waitFor(id, { timeoutMs });
  if (values.json === true) printJson(finished);
  else process.stdout.write(`${describeOperation(finished).join('\n')}\n`);
  return WAIT_END_STATES.includes(finished.state) ? EXIT_OK : EXIT_FAILED;
}

async function rejectOperation(operations: Operations, id: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  const reason = typeof values.reason === 'string' ? values.reason : undefined;
  const rejected = await operations.reject(id, { by: terminalActor(), tier: 'terminal', reason });
  if (values.json === true) printJson(rejected);
  else process.stdout.write(`Rejected ${id}; nothing was sent.\n`);
  return EXIT_OK;
}

function operationsFor(runtime: Runtime): Operations {
  return createOperations({
    core: runtime.core,
    // openRuntime raises a ConfigError when the store cannot open, so a store is always present here.
    store: runtime.store!,
    logger: runtime.logger,
    approvalPolicy: { approvers: runtime.config.slack.approvers, expiryMs: runtime.config.approvalExpiryMs },
    notifiers: slackNotifiers({ config: runtime.config, store: runtime.store!, logger: runtime.logger }),
  });
}

/**
 * Proposes a write or billing call from `regapi2 call`: prints the preview and the command that
 * approves it on stderr and the operation as JSON on stdout. With `wait`, waits for the outcome
 * (another person approves it, and a worker on the same store sends it).
 */
export async function proposeFromCli(
  runtime: Runtime,
  path: string,
  input: Record<string, unknown>,
  options: { wait: boolean; timeoutMs?: number },
): Promise<number> {
  const operations = operationsFor(runtime);
  const proposed = await operations.propose({ path, input, requestedBy: terminalActor() });
  const confirm = proposed.preview?.confirmWith ? ` --confirm ${JSON.stringify(proposed.preview.confirmWith)}` : '';
  const store = runtime.config.store;
  // The approving command must open the same store, so it is named unless it is the default.
  const storeFlag = runtime.config.sources?.store === 'default' ? '' : ` --store ${redactStoreUrl(store)}`;
  const next = store.includes(':memory:')
    ? [
        `Nothing was sent, and nothing will be: this process keeps operations in memory (--sandbox without --store),`,
        `so ${proposed.id} is gone when it exits. Give --store sqlite:PATH to keep it for \`regapi2 ops approve ID --store sqlite:PATH\`.`,
      ]
    : [
        `Nothing was sent. ${path} runs after a person approves it:`,
        `  regapi2 ops approve ${proposed.id}${confirm}${storeFlag}`,
        `  regapi2 ops reject ${proposed.id}${storeFlag}`,
      ];
  process.stderr.write(`${[...describeOperation(proposed), '', ...next].join('\n')}\n`);
  if (options.wait && store.includes(':memory:')) {
    // No other process can open this store, so waiting would only end at the timeout.
    printJson(proposed);
    return EXIT_FAILED;
  }
  if (!options.wait) {
    printJson(proposed);
    return EXIT_OK;
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  process.stderr.write(`Waiting up to ${Math.round(timeoutMs / 1000)} s for the approval and the outcome…\n`);
  const finished = await operations.waitFor(proposed.id, { timeoutMs });
  printJson(finished);
  return WAIT_END_STATES.includes(finished.state) ? EXIT_OK : EXIT_FAILED;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, usage, OPTIONS, true);
  const [subcommand, id, ...extra] = positionals;
  if (subcommand === undefined) throw new UsageError('missing the subcommand: list, show, approve or reject', usage.split('\n')[0]);
  if (!['list', 'show', 'approve', 'reject'].includes(subcommand)) {
    throw new UsageError(`unknown subcommand "${subcommand}"; use list, show, approve or reject`, usage.split('\n')[0]);
  }
  if (extra.length > 0 || (subcommand === 'list' && id !== undefined)) {
    throw new UsageError(`unexpected argument "${subcommand === 'list' ? id : extra[0]}"`, usage.split('\n')[0]);
  }
  const operationId = subcommand === 'list' ? '' : requireId(id, subcommand);

  const runtime = await openRuntime(configFlags(values));
  try {
    const operations = operationsFor(runtime);
    const json = values.json === true;
    if (subcommand === 'list') return await listOperations(operations, values.all === true, json);
    if (subcommand === 'show') return await showOperation(operations, operationId, json);
    if (subcommand === 'approve') return await approveOperation(operations, operationId, values);
    return await rejectOperation(operations, operationId, values);
  } catch (error) {
    if (error instanceof RegApi2Error) {
      printErrorJson(error);
      return EXIT_FAILED;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

export const opsCommand: Command = {
  name: 'ops',
  summary: 'list, show, approve and reject queued write operations',
  usage,
  run,
};
