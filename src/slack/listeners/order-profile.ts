import type { App } from '@slack/bolt';
import { proposeOrder, type OrderModalMetadata } from '../commands/order.js';
import type { SlackDeps } from '../context.js';
import { ORDER_FIELDS, VIEW_IDS } from '../ids.js';
import { describeError } from '../render/errors.js';
import { firstDelivery, setUserOrderProfile } from '../settings.js';
import { commandRequest, localeWithin } from './request.js';

/**
 * Handles the contact-profile modal of `order`: remembers the profile for the person and proposes the order.
 * The response goes to the channel the command came from, visible to that person only.
 */
export function registerOrderProfileListener(app: App, deps: SlackDeps): void {
  app.view(VIEW_IDS.orderProfile, async ({ ack, body, view, client }) => {
    await ack();
    const userId = body.user.id;
    if (!(await firstDelivery(deps.store, `view:${view.id}:${view.hash}`))) return;

    const locale = await localeWithin(deps, userId);
    const metadata = JSON.parse(view.private_metadata) as OrderModalMetadata;
    const values = view.state.values;
    const type = values[ORDER_FIELDS.profileType]?.[ORDER_FIELDS.profileType]?.selected_option?.value ?? '';
    const name = (values[ORDER_FIELDS.profileName]?.[ORDER_FIELDS.profileName]?.value ?? '').trim();
    const request = commandRequest(deps, client, locale, { userId, channelId: metadata.channelId, triggerId: (body as { trigger_id?: string }).trigger_id ?? '' });

    let text: string;
    try {
      const profile = { type, name };
      await setUserOrderProfile(deps.store, userId, profile);
      text = (await proposeOrder(request, metadata.domain, metadata.years, profile)).text;
    } catch (error) {
      deps.logger.warn({ err: error, userId }, 'order from the profile modal failed');
      text = describeError(locale, error);
    }
    try {
      await client.chat.postEphemeral({ channel: metadata.channelId, user: userId, text });
    } catch (error) {
      // The bot may not be in that channel; a direct message always reaches the person.
      deps.logger.info({ err: error, userId }, 'ephemeral response failed; sending a direct message');
      await client.chat.postMessage({ channel: userId, text });
    }
  });
}
