import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { ACTION_IDS } from '../ids.js';
import { explainRefusal, readDecisionClick } from './decision.js';

/** Reject on a card: nothing is sent, and the notifier edits the card to say who rejected it. */
export function registerRejectListener(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.reject, async ({ ack, body, respond }) => {
    await ack();
    const click = await readDecisionClick(deps, body, respond, 'reject');
    if (!click) return;
    try {
      await deps.operations.reject(click.operationId, { by: click.by, tier: 'slack', reason: 'rejected on the Slack approval card' });
    } catch (error) {
      await explainRefusal(deps, click, respond, error);
    }
  });
}
