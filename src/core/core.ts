import type { Dispatcher } from 'undici';
import { catalogue as allOperations, findOperation } from './catalogue/index.js';
import type { OperationDefinition } from './catalogue/types.js';
import { MemoryCache, StoreCache, cacheLifetimeMs, type ReadCache } from './cache.js';
import { canonicalNames, objectTags } from './call/names.js';
import { mergeAnswers, splitBulk } from './call/bulk.js';
import { ConcurrentMerger } from './call/merge.js';
import { validateInput } from './call/validate.js';
import { RegApiClient, type SentAnswer } from './client/client.js';
import { RateLimitedError, RegApiError, RegApi2Error, ValidationError } from './client/errors.js';
import { hintFor } from './client/hints.js';
import { redactParameters } from './client/redact.js';
import { loadClientCertificate, loadSigningKey } from './client/keys.js';
import { Transport } from './client/transport.js';
import type { CallOptions, CallResult, ItemOutcome } from './client/types.js';
import type { Config } from './config/index.js';
import { MemoryRateBudget, StoreRateBudget, egressOf, type RateBudget } from './limiter.js';
import { silentLogger, type Logger } from './log.js';
import { stableJson } from './stable-json.js';
import type { JournalEntry } from './operations/types.js';
import type { Store } from './store/types.js';

export interface CoreOptions {
  config: Config;
  logger?: Logger;
  /** Shares the rate budget, the read cache and the journal with every process on the same store. */
  store?: Store;
  /** Replaces the HTTP dispatcher (benchmarks, tests). */
  dispatcher?: Dispatcher;
  now?: () => number;
}

export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly catalogue: readonly OperationDefinition[];
  readonly store?: Store;
  /** The operation for a path (`zone/add_txt`) or a tool name (`zone_add_txt`). */
  find(pathOrToolName: string): OperationDefinition | undefined;
  /** The input as it will be sent, or ValidationError; nothing is sent. */
  validate(path: string, input: unknown): Record<string, unknown>;
  /**
   * Sends one REG.API call. Writes and billing calls go through here too, but only the operations
   * queue may call it with them: everywhere else a write is proposed to a person first.
   */
  call<T = unknown>(path: string, input?: unknown, options?: CallOptions): Promise<CallResult<T>>;
  close(): Promise<void>;
}

/** Answers kept in the journal for reads are cut to this many characters; writes keep the whole answer. */
const READ_JOURNAL_LIMIT = 2_000;

/** REG.API does not say how long its rate block lasts; this is an estimate for the retry time shown. */
const REMOTE_RATE_BLOCK_MS = 15 * 60_000;

function itemMode(definition: OperationDefinition): 'judge' | 'report' | 'none' {
  if (definition.itemOutcomes === false) return 'none';
  return definition.itemOutcomes === 'report' ? 'report' : 'judge';
}

/** Failed elements named in an error message; `items` carries every one, and a list call may fail 1,000 at once. */
const NAMED_FAILURES_MAX = 10;

function failedItemsError(definition: OperationDefinition, items: ItemOutcome[], request: SentAnswer['request']): RegApiError {
  const failed = items.filter((item) => !item.ok);
  const first = failed[0];
  const code = first.errorCode ?? 'ITEM_FAILED';
  const shown = failed
    .slice(0, NAMED_FAILURES_MAX)
    .map((item) => `${item.key ?? `element ${item.index}`}: ${item.errorCode} ${item.errorText ?? ''}`.trim());
  const rest = failed.length - shown.length;
  const named = rest > 0 ? `${shown.join('; ')}; and ${rest} more (see items)` : shown.join('; ');
  return new RegApiError({
    code,
    errorText: named,
    errorParams: first.key ? { domain_name: first.key } : {},
    path: definition.path,
    hint: hintFor(code, first.key ? { domain_name: first.key } : {}),
    items,
    request,
  });
}

/** Creates the shared core: the REG.API client with validation, bulk splitting, the budget and the cache. */
export function createCore(options: CoreOptions): Core {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const certificate = config.pem ? loadClientCertificate(config.pem, config.pemPassword, config.caCertPath) : undefined;
  const signingKey = config.sigKeyPath ? loadSigningKey(config.sigKeyPath) : undefined;
  const transport = new Transport({
    connectTimeoutMs: config.connectTimeoutMs,
    responseTimeoutMs: config.responseTimeoutMs,
    certificate,
    httpsProxy: config.httpsProxy,
    dispatcher: options.dispatcher,
  });
  const client = new RegApiClient({
    apiUrl: config.apiUrl,
    username: config.username,
    password: signingKey ? undefined : config.password,
    signingKey,
    lang: config.lang,
    transport,
    logger,
    secrets: [config.password, config.pemPassword].filter((secret): secret is string => typeof secret === 'string' && !config.usingTestAccount),
  });
  const budgetOptions = { limit: config.rateBudget, windowMs: config.rateWindowMs, egress: egressOf(config.httpsProxy), now };
  const budget: RateBudget = options.store ? new StoreRateBudget(options.store, budgetOptions) : new MemoryRateBudget(budgetOptions);
  const cache: ReadCache = options.store ? new StoreCache(options.store, now) : new MemoryCache(now);
  const account = config.username;
  const listsTag = `${account}:lists`;

  const journal = async (entry: Omit<JournalEntry, 'at'>): Promise<void> => {
    if (!options.store) return;
    try {
      await options.store.appendJournal({ ...entry, at: new Date(now()).toISOString() });
    } catch (error) {
      logger.error({ err: (error as Error).message, operationId: entry.operationId }, 'journal write failed');
    }
  };

  const find = (pathOrToolName: string): OperationDefinition | undefined => findOperation(pathOrToolName);

  const definitionFor = (path: string): OperationDefinition => {
    const definition = find(path);
    if (!definition) {
      throw new ValidationError([{ path: '', message: `unknown REG.API method "${path}"; methods look like domain/check or zone/add_txt (tool names like domain_check work too)` }]);
    }
    return definition;
  };

  const validate = (path: string, input: unknown): Record<string, unknown> => canonicalNames(validateInput(definitionFor(path), input));

  const sendOne = async (definition: OperationDefinition, input: Record<string, unknown>, callOptions: CallOptions): Promise<SentAnswer> => {
    await budget.take(account);
    const operationId = callOptions.operationId ?? null;
    const actor = callOptions.sentBy ?? callOptions.requestedBy ?? null;
    const write = definition.effect !== 'read';
    try {
      const sent = await client.send(definition.path, input, {
        timeoutMs: callOptions.timeoutMs,
        signal: callOptions.signal,
        itemOutcomes: itemMode(definition),
        binary: definition.binary,
      });
      const journaled = redactParameters(sent.answer);
      const answerText = JSON.stringify(journaled) ?? 'null';
      await journal({
        operationId,
        kind: 'answer',
        actor,
        data: {
          path: definition.path,
          ...(callOptions.requestedBy ? { requestedBy: callOptions.requestedBy } : {}),
          request: sent.request.fields,
          status: sent.status,
          durationMs: sent.durationMs,
          answer: write || answerText.length <= READ_JOURNAL_LIMIT ? journaled : `${answerText.slice(0, READ_JOURNAL_LIMIT)}…`,
          failedItems: sent.items.filter((item) => !item.ok).map((item) => ({ index: item.index, key: item.key, code: item.errorCode })),
        },
      });
      return sent;
    } catch (error) {
      if (error instanceof RegApi2Error) {
        await journal({ operationId, kind: 'answer', actor, data: { path: definition.path, request: error.request?.fields, error: error.toJSON() } });
      }
      if (error instanceof RegApiError && /_EXCEEDED_ALLOWED_CONNECTION_RATE$/.test(error.code)) {
        throw new RateLimitedError({
          scope: error.code.startsWith('IP_') ? 'ip' : 'account',
          code: error.code,
          retryAt: new Date(now() + REMOTE_RATE_BLOCK_MS),
          message: `REG.API refused ${definition.path} with ${error.code}: more than 1,200 requests per hour ${error.code.startsWith('IP_') ? 'from this IP address' : 'on this account'}.`,
          hint: error.hint,
          request: error.request,
        });
      }
      throw error;
    }
  };

  /** Sends a validated input, in chunks when the list is long, and judges and normalises the answer. */
  const execute = async <T>(definition: OperationDefinition, prepared: Record<string, unknown>, callOptions: CallOptions): Promise<CallResult<T>> => {
    const chunks = splitBulk(definition, prepared);
    const sent: SentAnswer[] = [];
    for (const chunk of chunks) sent.push(await sendOne(definition, chunk, callOptions));
    const merged = mergeAnswers(
      sent.map((one) => one.answer),
      sent.map((one) => one.items),
    );

    const normalised = definition.output.safeParse(merged.answer);
    if (!normalised.success) {
      logger.warn({ path: definition.path, issues: normalised.error.issues.slice(0, 3) }, 'REG.API answer does not match the output schema, so it is returned without normalisation');
    }
    const answer = (normalised.success ? normalised.data : merged.answer) as T;
    const failed = itemMode(definition) === 'judge' ? merged.items.filter((item) => !item.ok) : [];

    if (definition.effect !== 'read') {
      await cache.invalidate([...objectTags(account, prepared), listsTag]);
    }
    if (failed.length > 0 && failed.length === merged.items.length) {
      throw failedItemsError(definition, merged.items, sent[0].request);
    }

    return {
      path: definition.path,
      answer,
      outcome: failed.length > 0 ? 'partial' : 'success',
      items: merged.items,
      requests: sent.length,
    };
  };

  const merger = new ConcurrentMerger((definition, prepared, callOptions) => execute(definition, prepared, callOptions));

  const call = async <T>(path: string, input: unknown = {}, callOptions: CallOptions = {}): Promise<CallResult<T>> => {
    const definition = definitionFor(path);
    const prepared = canonicalNames(validateInput(definition, input));
    if (merger.accepts(definition, prepared)) return (await merger.call(definition, prepared, callOptions)) as CallResult<T>;

    const ttl = definition.effect === 'read' ? cacheLifetimeMs(definition.path) : 0;
    const cacheKey = `${account}:${definition.path}:${stableJson(prepared)}`;
    if (ttl > 0 && !callOptions.fresh) {
      const cached = (await cache.get(cacheKey)) as CallResult<T> | undefined;
      if (cached) return { ...cached, requests: 0 };
    }

    const result = await execute<T>(definition, prepared, callOptions);
    if (ttl > 0) {
      const tags = [...objectTags(account, prepared), `${account}:all`];
      if (/get_list$/.test(definition.path)) tags.push(listsTag);
      await cache.set(cacheKey, result, ttl, tags);
    }
    return result;
  };

  return {
    config,
    logger,
    catalogue: allOperations,
    store: options.store,
    find,
    validate,
    call,
    close: () => client.close(),
  };
}
