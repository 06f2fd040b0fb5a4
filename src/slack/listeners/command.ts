import type { App } from '@slack/bolt';
import { runCommand } from '../commands/dispatch.js';
import type { SlackDeps } from '../context.js';
import { SLASH_COMMAND } from '../ids.js';
import { messagesFor } from '../i18n/index.js';
import { parseCommand } from '../parse/command.js';
import { describeError } from '../render/errors.js';
import { renderProblem } from '../render/problems.js';
import { firstDelivery } from '../settings.js';
import { commandRequest, localeWithin } from './request.js';

/**
 * Handles `/regapi ...`: acknowledges at once with an ephemeral "working" line, then parses, works and
 * responds once through `response_url`, because REG.API calls take seconds and Slack gives up after three.
 */
export function registerCommandListener(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const locale = await localeWithin(deps, command.user_id);
    const t = messagesFor(locale);
    await ack({ response_type: 'ephemeral', text: t.working() });

    if (!(await firstDelivery(deps.store, `command:${command.trigger_id}`))) {
      deps.logger.info({ userId: command.user_id, triggerId: command.trigger_id }, 'slash command delivered again; ignored');
      return;
    }

    const parsed = parseCommand(command.text ?? '');
    if (!parsed.ok) {
      await respond({ response_type: 'ephemeral', text: renderProblem(t, parsed.problem, parsed.command) });
      return;
    }

    const request = commandRequest(deps, client, locale, { userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id });
    try {
      const reply = await runCommand(request, parsed.command);
      if (reply) await respond({ response_type: 'ephemeral', text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) });
    } catch (error) {
      deps.logger.warn({ err: error, userId: command.user_id, command: parsed.command.kind }, 'slash command failed');
      await respond({ response_type: 'ephemeral', text: describeError(locale, error) });
    }
  });
}
