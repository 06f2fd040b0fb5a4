import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { ACTION_IDS } from '../ids.js';
import { explainRefusal, readDecisionClick } from './decision.js';

/**
 * Approve on a card. The operations API applies the policy (no self-approval of billing, expiry) and
 * approves with a compare-and-set, so a double click or two approvers at once run the operation once.
 * The card itself is edited by the notifier as the operation moves on.
 */
export function registerApproveListener(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.approve, async ({ ack, body, respond }) => {
    await ack();
    const click = await readDecisionClick(deps, body, respond, 'approve');
    if (!click) return;
    try {
      await deps.operations.approve(click.operationId, { by: click.by, tier: 'slack' });
    } catch (error) {
      await explainRefusal(deps, click, respond, error);
    }
  });
}
