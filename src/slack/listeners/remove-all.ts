import type { App, BlockButtonAction } from '@slack/bolt';
import { proposeRemoveAll, type RemoveAllValue } from '../commands/dns-change.js';
import type { SlackDeps } from '../context.js';
import { ACTION_IDS } from '../ids.js';
import { describeError } from '../render/errors.js';
import { firstDelivery } from '../settings.js';
import { commandRequest, localeWithin } from './request.js';

/** "Remove all" under a `dns rm` without a value: proposes removing every listed value for approval. */
export function registerRemoveAllListener(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.removeAll, async ({ ack, body, respond, client }) => {
    await ack();
    const action = body.actions[0];
    if (!(await firstDelivery(deps.store, `action:${action.action_ts}:${body.user.id}:${action.action_id}`))) return;

    const locale = await localeWithin(deps, body.user.id);
    const request = commandRequest(deps, client, locale, {
      userId: body.user.id,
      channelId: body.channel?.id ?? body.container?.channel_id ?? '',
      triggerId: body.trigger_id,
    });
    try {
      const value = JSON.parse(action.value ?? '') as RemoveAllValue;
      const reply = await proposeRemoveAll(request, value);
      await respond({ response_type: 'ephemeral', replace_original: true, text: reply.text });
    } catch (error) {
      deps.logger.warn({ err: error, userId: body.user.id }, 'remove-all confirmation failed');
      await respond({ response_type: 'ephemeral', replace_original: true, text: describeError(locale, error) });
    }
  });
}
