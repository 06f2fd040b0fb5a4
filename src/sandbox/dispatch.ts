import { authenticate, isPartner, type Caller } from './auth/authenticate.js';
import { testAccountAnswers } from './canned/test-account.js';
import { accountHandlers } from './handlers/index.js';
import { genericAccountAnswer, genericTestAnswer } from './handlers/generic.js';
import { LockTable, SlidingWindowLimiter } from './limits.js';
import { pickLang, type Lang } from './messages.js';
import { ApiError, errorEnvelope, splitFields, successEnvelope, type Fields, type Params } from './protocol.js';
import { resolveService } from './model/identify.js';
import { toAsciiName } from './model/names.js';
import type { World } from './model/state.js';
import type { SandboxCounters, SandboxMethod } from './types.js';

/** Methods that place an order for a domain; two at once for the same domain get DOMAIN_ORDER_LOCKED. */
const ORDER_METHODS = new Set(['domain/create', 'domain/transfer', 'service/create', 'service/renew', 'service/upgrade']);

export interface DispatchDependencies {
  methods: ReadonlyMap<string, SandboxMethod>;
  world: World;
  accountLimiter: SlidingWindowLimiter;
  ipLimiter: SlidingWindowLimiter;
  locks: LockTable;
  counters: SandboxCounters;
  /** Billing calls of each account that are open right now, including ones about to be rejected. */
  openBilling: Map<string, number>;
  billingHoldMs: number;
  /** Waits `ms` milliseconds unless the sandbox is closing. */
  sleep: (ms: number) => Promise<void>;
}

export interface DispatchRequest {
  methodPath: string;
  fields: Fields;
  clientIp: string;
  /** Runs after the method changed the state and before the answer leaves (the `hold` fault). */
  afterRun?: () => Promise<void>;
}

function increment(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Names the first required parameter the method's input schema finds missing, if any. */
function missingRequired(method: SandboxMethod, params: Params): string | undefined {
  const result = method.input?.safeParse(params);
  if (!result || result.success || !result.error) return undefined;
  for (const issue of result.error.issues) {
    const [key] = issue.path;
    if (issue.path.length === 1 && typeof key === 'string' && issue.code === 'invalid_type' && params[key] === undefined) return key;
  }
  return undefined;
}

/** Collects the ASCII names of the domains an order names, directly or through a service of the caller. */
function orderedDomains(params: Params, caller: Caller): string[] {
  const names = new Set<string>();
  const add = (value: unknown): void => {
    const ascii = value === undefined || value === null ? '' : toAsciiName(String(value));
    if (ascii !== '') names.add(ascii);
  };
  const objects = [params, ...(['domains', 'services'] as const).flatMap((field) => (Array.isArray(params[field]) ? (params[field] as Params[]) : []))];
  for (const object of objects) {
    if (object === null || typeof object !== 'object') continue;
    add(object.domain_name ?? object.dname);
    if (caller.kind === 'account' && object.domain_name === undefined && object.dname === undefined) {
      const resolved = resolveService(caller.account, object);
      if (resolved.ok) names.add(resolved.service.dname);
    }
  }
  return [...names];
}

/**
 * Runs one REG.API call after the HTTP layer accepted it: control fields, method lookup, rate limits,
 * authentication, access, list size, required parameters, locks, and finally the method itself.
 * Returns the JSON envelope to send.
 */
export async function dispatch(deps: DispatchDependencies, request: DispatchRequest): Promise<Record<string, unknown>> {
  const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
  increment(deps.counters.requestsByAccount, first(request.fields.username) ?? '');
  increment(deps.counters.requestsByIp, request.clientIp);
  let lang: Lang = pickLang(first(request.fields.lang));
  let echo: Params | undefined;
  let envelope: Record<string, unknown>;
  try {
    const parsed = splitFields(request.fields);
    lang = pickLang(parsed.control.lang);
    if (parsed.control.show_input_params === '1') {
      // REG.API echoes the parsed input in success and error answers, password included; regapi2's
      // client must never ask for it.
      const { input_data: _inputData, ...control } = parsed.control;
      echo = { ...control, ...parsed.params };
    }
    envelope = await run(deps, request, parsed.control, parsed.params, parsed.inputData, lang);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    envelope = errorEnvelope(error.code, lang, error.params);
  }
  if (echo !== undefined) envelope.input_params = echo;
  return envelope;
}

async function run(
  deps: DispatchDependencies,
  request: DispatchRequest,
  control: Record<string, string>,
  params: Params,
  inputData: Params | undefined,
  lang: Lang,
): Promise<Record<string, unknown>> {
  const username = control.username ?? '';

  const encoding = control.io_encoding;
  if (encoding !== undefined && encoding !== 'utf8') {
    throw new ApiError('PARAMETER_INCORRECT', {
      param: 'io_encoding',
      error_detail: `the sandbox reads and writes utf8 only, got ${encoding}`,
    });
  }
  const format = control.output_format ?? control.view;
  if (format !== undefined && format !== 'json') {
    throw new ApiError('PARAMETER_INCORRECT', { param: 'output_format', error_detail: `the sandbox returns json only, got ${format}` });
  }

  const method = deps.methods.get(request.methodPath);
  if (!method) throw new ApiError('NO_SUCH_COMMAND', { command_name: request.methodPath });

  if (!deps.ipLimiter.tryTake(request.clientIp)) {
    deps.counters.rateLimitAnswers += 1;
    throw new ApiError('IP_EXCEEDED_ALLOWED_CONNECTION_RATE');
  }
  const caller = authenticate(
    { username, password: control.password ?? '', sig: control.sig ?? '' },
    method,
    deps.world,
    { fields: request.fields, inputData },
  );
  if (caller.kind === 'anonymous' && method.effect !== 'read') {
    // Methods open to everyone still need an account to order or change anything.
    throw new ApiError('NO_AUTH', { command_name: method.path });
  }
  if (caller.kind !== 'anonymous' && !deps.accountLimiter.tryTake(username)) {
    deps.ipLimiter.giveBack(request.clientIp);
    deps.counters.rateLimitAnswers += 1;
    throw new ApiError('ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE');
  }
  if (caller.kind === 'account' && caller.account.allowedIps && !caller.account.allowedIps.includes(request.clientIp)) {
    throw new ApiError('ACCESS_DENIED_FROM_IP', { command_name: method.path, ip: request.clientIp });
  }
  if (method.access === 'partners' && !isPartner(caller)) throw new ApiError('RESELLER_AUTH_FAILED');

  const bulk = method.bulk;
  const list = bulk ? params[bulk.field] : undefined;
  if (bulk && Array.isArray(list) && list.length > bulk.max) {
    throw new ApiError('TOO_MANY_OBJECTS_IN_ONE_REQUEST', { max_objects: bulk.max });
  }
  const missing = missingRequired(method, params);
  if (missing !== undefined) throw new ApiError('PARAMETER_MISSING', { param: missing });

  return withLocks(deps, method, caller, username, params, async () => {
    const answer = execute(deps, method, caller, params, lang);
    await request.afterRun?.();
    return successEnvelope(answer);
  });
}

function execute(deps: DispatchDependencies, method: SandboxMethod, caller: Caller, params: Params, lang: Lang): unknown {
  if (caller.kind === 'account') {
    const context = { path: method.path, method, params, lang, account: caller.account, world: deps.world };
    const handler = accountHandlers[method.path];
    return handler ? handler(context) : genericAccountAnswer(context);
  }
  const canned = testAccountAnswers[method.path];
  return canned ? canned({ params, lang }) : genericTestAnswer(method, params, lang);
}

/**
 * Runs `work` under REG.API's locks: one billing call per account (BILLING_LOCK) and one order per
 * domain (DOMAIN_ORDER_LOCKED). `billingHoldMs` keeps a billing call open after it ran so tests can
 * make a second call overlap it.
 */
async function withLocks(
  deps: DispatchDependencies,
  method: SandboxMethod,
  caller: Caller,
  username: string,
  params: Params,
  work: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const billing = method.effect === 'billing' && caller.kind !== 'anonymous';
  const orderDomains = ORDER_METHODS.has(method.path) ? orderedDomains(params, caller) : [];
  const { counters, openBilling } = deps;
  if (billing) {
    counters.billingCalls += 1;
    openBilling.set(username, (openBilling.get(username) ?? 0) + 1);
    counters.maxConcurrentBilling = Math.max(counters.maxConcurrentBilling, openBilling.get(username) ?? 0);
  }
  let billingLocked = false;
  let ordersLocked = false;
  try {
    const busyDomain = deps.locks.tryLockOrders(orderDomains);
    if (busyDomain !== undefined) {
      counters.domainOrderLockAnswers += 1;
      throw new ApiError('DOMAIN_ORDER_LOCKED', { domain_name: busyDomain });
    }
    ordersLocked = true;
    if (billing) {
      if (!deps.locks.tryLockBilling(username)) {
        counters.billingLockAnswers += 1;
        throw new ApiError('BILLING_LOCK');
      }
      billingLocked = true;
    }
    const envelope = await work();
    if (billing && deps.billingHoldMs > 0) await deps.sleep(deps.billingHoldMs);
    return envelope;
  } finally {
    if (billingLocked) deps.locks.unlockBilling(username);
    if (ordersLocked) deps.locks.unlockOrders(orderDomains);
    if (billing) openBilling.set(username, (openBilling.get(username) ?? 1) - 1);
  }
}
