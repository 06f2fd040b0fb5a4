import type { App, BlockButtonAction } from '@slack/bolt';
import { servicesReply, type ServicesPageValue } from '../commands/services.js';
import type { SlackDeps } from '../context.js';
import { ACTION_IDS } from '../ids.js';
import { describeError } from '../render/errors.js';
import { localeWithin } from './request.js';

/** "Next page" under a services list: replaces the list with the next page (a read, so redelivery is harmless). */
export function registerServicesPageListener(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.servicesPage, async ({ ack, body, respond }) => {
    await ack();
    const locale = await localeWithin(deps, body.user.id);
    try {
      const value = JSON.parse(body.actions[0].value ?? '') as ServicesPageValue;
      const reply = await servicesReply(deps, locale, value.filter, Number(value.page) || 0);
      await respond({ response_type: 'ephemeral', replace_original: true, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) });
    } catch (error) {
      deps.logger.warn({ err: error, userId: body.user.id }, 'services page failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: describeError(locale, error) });
    }
  });
}
