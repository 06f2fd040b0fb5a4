import { journal, transition, type OperationsContext } from './context.js';
import { ApprovalDeniedError, OperationNotFoundError, OperationStateError } from './errors.js';
import { matchesConfirmation } from './preview/index.js';
import type { Decision, OperationRecord, OperationState } from './types.js';

/** Tiers where a person types the preview's `confirmWith` value; Slack confirms with a dialog instead. */
const TYPED_CONFIRMATION_TIERS = new Set<Decision['tier']>(['elicitation', 'terminal']);

/** Tiers where the no-self-approval rule for billing applies. */
const POLICY_TIERS = new Set<Decision['tier']>(['slack', 'terminal']);

/**
 * Tiers where the approvers list applies. The list holds Slack user ids; a person at the terminal is
 * the owner of the machine and its store, and is identified by the OS user instead.
 */
const APPROVER_LIST_TIERS = new Set<Decision['tier']>(['slack']);

/** Attempts of a decision whose compare-and-set lost to an update that left the state unchanged. */
const DECISION_ATTEMPTS = 5;

async function load(context: OperationsContext, id: string): Promise<OperationRecord> {
  const operation = await context.store.getOperation(id);
  if (!operation) throw new OperationNotFoundError(id);
  return operation;
}

/** Checks whether `by` (`slack:U123`, `cli:alice`) is on the approvers list, which may name people with or without the prefix. */
function isApprover(approvers: readonly string[], by: string): boolean {
  const bare = by.includes(':') ? by.slice(by.indexOf(':') + 1) : by;
  return approvers.includes(by) || approvers.includes(bare);
}

function checkPolicy(context: OperationsContext, operation: OperationRecord, decision: Decision, action: 'approve' | 'reject'): void {
  if (APPROVER_LIST_TIERS.has(decision.tier) && context.approvers.length > 0 && !isApprover(context.approvers, decision.by)) {
    // The requester may always withdraw their own operation.
    if (!(action === 'reject' && decision.by === operation.requestedBy)) {
      throw new ApprovalDeniedError(
        operation.id,
        `${decision.by} is not on the approvers list, so cannot ${action} operation ${operation.id}`,
        'Ask one of the configured approvers (REGAPI_SLACK_APPROVERS) to decide.',
      );
    }
  }
  if (action !== 'approve') return;
  if (POLICY_TIERS.has(decision.tier) && operation.effect === 'billing' && decision.by === operation.requestedBy) {
    throw new ApprovalDeniedError(
      operation.id,
      `${decision.by} requested billing operation ${operation.id} and cannot approve it too`,
      'Ask another person to approve it; billing operations need a second pair of eyes.',
    );
  }
  if (decision.tier === 'token' && operation.effect === 'billing' && !context.core.config.tokenAllowsBilling) {
    throw new ApprovalDeniedError(
      operation.id,
      `Billing operation ${operation.id} cannot be approved with a token`,
      'Approve it in Slack or with `regapi2 ops approve ID`, or allow billing in the token tier with REGAPI_CONFIRM_TOKEN_BILLING=1.',
    );
  }
  const expected = operation.preview?.confirmWith ?? '';
  if (TYPED_CONFIRMATION_TIERS.has(decision.tier) && expected !== '') {
    if (decision.confirmation === undefined || !matchesConfirmation(expected, decision.confirmation)) {
      const typed = decision.confirmation === undefined ? 'nothing' : `"${decision.confirmation}"`;
      throw new ApprovalDeniedError(
        operation.id,
        `Confirmation of operation ${operation.id} does not match: expected "${expected}", got ${typed}`,
        `Type ${expected} exactly to approve (with \`--confirm ${expected}\` when not at a terminal).`,
      );
    }
  }
}

/** Marks a pending operation expired when its time ran out; returns the new record, or null when it is still valid. */
async function expireIfDue(context: OperationsContext, operation: OperationRecord): Promise<OperationRecord | null> {
  if (operation.state !== 'awaiting_approval' || Date.parse(operation.expiresAt) > context.now().getTime()) return null;
  return transition(context, operation, { state: 'expired' }, { reason: 'not approved before it expired', expiresAt: operation.expiresAt });
}

/**
 * Approves a pending operation and queues it. The state change is a compare-and-set on the row, so
 * when two people click at once exactly one approval wins and the other gets OperationStateError.
 * A lost compare-and-set is tried again while the operation still waits for approval, because other
 * updates (a Slack card's location written into `meta`) change the row without deciding it.
 */
export async function approve(context: OperationsContext, id: string, decision: Decision): Promise<OperationRecord> {
  for (let attempt = 1; ; attempt += 1) {
    const operation = await load(context, id);
    if (operation.state !== 'awaiting_approval') throw new OperationStateError(id, operation.state, 'approve', operation.decidedBy);
    const expired = await expireIfDue(context, operation);
    if (expired) throw new OperationStateError(id, expired.state, 'approve', null);
    checkPolicy(context, operation, decision, 'approve');

    const decidedAt = context.now().toISOString();
    const approved = await transition(
      context,
      operation,
      { state: 'approved', decidedBy: decision.by, decidedAt, meta: { ...operation.meta, approvalTier: decision.tier } },
      { tier: decision.tier },
      decision.by,
    );
    if (!approved) {
      const current = await load(context, id);
      if (current.state === 'awaiting_approval' && attempt < DECISION_ATTEMPTS) continue;
      throw new OperationStateError(id, current.state, 'approve', current.decidedBy);
    }
    await journal(context, id, 'decision', decision.by, { decision: 'approved', tier: decision.tier, requestedBy: operation.requestedBy });
    context.logger.info({ operationId: id, by: decision.by, tier: decision.tier }, 'operation approved');
    const queued = await transition(context, approved, { state: 'queued', notBefore: null }, {}, decision.by);
    return queued ?? load(context, id);
  }
}

/**
 * States in which a rejection still stops everything: before approval, and after it while the
 * operation waits in the queue (during a long backoff, say). Once a worker is sending, it is too late.
 */
const REJECTABLE_STATES: readonly OperationState[] = ['awaiting_approval', 'approved', 'queued'];

/** Rejects an operation that has not been sent; nothing is sent. A lost compare-and-set is tried again as in `approve`. */
export async function reject(context: OperationsContext, id: string, decision: Decision): Promise<OperationRecord> {
  for (let attempt = 1; ; attempt += 1) {
    const operation = await load(context, id);
    if (!REJECTABLE_STATES.includes(operation.state)) throw new OperationStateError(id, operation.state, 'reject', operation.decidedBy);
    checkPolicy(context, operation, decision, 'reject');

    const rejected = await transition(
      context,
      operation,
      { state: 'rejected', decidedBy: decision.by, decidedAt: context.now().toISOString(), meta: { ...operation.meta, approvalTier: decision.tier } },
      { tier: decision.tier, reason: decision.reason ?? null },
      decision.by,
    );
    if (!rejected) {
      const current = await load(context, id);
      if (REJECTABLE_STATES.includes(current.state) && attempt < DECISION_ATTEMPTS) continue;
      throw new OperationStateError(id, current.state, 'reject', current.decidedBy);
    }
    await journal(context, id, 'decision', decision.by, { decision: 'rejected', tier: decision.tier, reason: decision.reason ?? null });
    context.logger.info({ operationId: id, by: decision.by, tier: decision.tier }, 'operation rejected');
    return rejected;
  }
}

/**
 * Queues operations left in `approved`: `approve` queues them at once, so one stays there only when
 * its process died between the two steps. The compare-and-set makes a race with `approve` harmless.
 */
export async function queueApproved(context: OperationsContext): Promise<OperationRecord[]> {
  const stuck = await context.store.listOperations({ states: ['approved'] });
  const queued: OperationRecord[] = [];
  for (const operation of stuck) {
    const updated = await transition(context, operation, { state: 'queued', notBefore: null }, { reason: 'approved but not yet queued' });
    if (updated) queued.push(updated);
  }
  return queued;
}

/** Expires every pending operation whose time ran out and returns them. */
export async function expirePending(context: OperationsContext): Promise<OperationRecord[]> {
  const pending = await context.store.listOperations({ states: ['awaiting_approval'] });
  const expired: OperationRecord[] = [];
  for (const operation of pending) {
    const updated = await expireIfDue(context, operation);
    if (updated) {
      context.logger.info({ operationId: operation.id }, 'operation expired');
      expired.push(updated);
    }
  }
  return expired;
}
