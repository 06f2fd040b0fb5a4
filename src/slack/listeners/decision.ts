import type { BlockButtonAction, RespondFn } from '@slack/bolt';
import { ApprovalDeniedError, OperationNotFoundError, OperationStateError } from '../../core/operations/index.js';
import type { SlackDeps } from '../context.js';
import { slackActor } from '../context.js';
import { messagesFor, type Locale } from '../i18n/index.js';
import { describeError } from '../render/errors.js';
import { stateName } from '../render/card.js';
import { firstDelivery } from '../settings.js';
import { localeWithin } from './request.js';

export interface DecisionClick {
  operationId: string;
  userId: string;
  by: string;
  locale: Locale;
}

/** Tells only the person who clicked, and leaves the card as it is. */
export async function tellClicker(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Checks whether a Reject click withdraws the clicker's own operation, which needs no approver. */
async function withdrawsOwnOperation(deps: SlackDeps, kind: 'approve' | 'reject', operationId: string, userId: string): Promise<boolean> {
  if (kind !== 'reject') return false;
  const operation = await deps.operations.get(operationId);
  return operation !== null && operation.requestedBy === slackActor(userId);
}

/**
 * Runs the checks every Approve and Reject click passes before the operations API decides: the click is
 * new (not a redelivery of the same payload) and the person is on REGAPI_SLACK_APPROVERS when that list
 * is set. A requester who is not on the list may still reject their own operation. Returns null when the
 * click must be ignored or has been responded to already.
 */
export async function readDecisionClick(
  deps: SlackDeps,
  body: BlockButtonAction,
  respond: RespondFn,
  kind: 'approve' | 'reject',
): Promise<DecisionClick | null> {
  const action = body.actions[0];
  const userId = body.user.id;
  if (!(await firstDelivery(deps.store, `action:${action.action_ts}:${userId}:${action.action_id}`))) {
    deps.logger.info({ userId, actionTs: action.action_ts }, 'button click delivered again; ignored');
    return null;
  }
  const locale = await localeWithin(deps, userId);
  const approvers = deps.config.slack.approvers;
  if (approvers.length > 0 && !approvers.includes(userId) && !(await withdrawsOwnOperation(deps, kind, action.value ?? '', userId))) {
    deps.logger.warn({ userId, operationId: action.value }, 'decision rejected: the person is not an approver');
    await tellClicker(respond, messagesFor(locale).decision_notApprover());
    return null;
  }
  return { operationId: action.value ?? '', userId, by: slackActor(userId), locale };
}

/** Explains why the operations API refused a decision, in the clicker's language. */
export async function explainRefusal(deps: SlackDeps, click: DecisionClick, respond: RespondFn, error: unknown): Promise<void> {
  const t = messagesFor(click.locale);
  let text: string;
  if (error instanceof ApprovalDeniedError) {
    const operation = await deps.operations.get(click.operationId);
    const selfApproval = operation !== null && operation.effect === 'billing' && operation.requestedBy === click.by;
    text = selfApproval ? t.decision_selfApproval() : t.decision_notApprover();
  } else if (error instanceof OperationStateError) {
    text = error.state === 'expired' ? t.decision_expired() : t.decision_alreadyDecided({ state: stateName(t, error.state) });
  } else if (error instanceof OperationNotFoundError) {
    text = describeError(click.locale, error);
  } else {
    deps.logger.error({ err: error, operationId: click.operationId, userId: click.userId }, 'decision failed');
    text = t.decision_failed({ message: describeError(click.locale, error) });
  }
  deps.logger.info({ operationId: click.operationId, userId: click.userId, reason: (error as Error).message }, 'decision rejected by the operations API');
  await tellClicker(respond, text);
}
