import type { types, webApi } from '@slack/bolt';
import type { Messages, Locale } from '../i18n/index.js';
import type { SlackDeps } from '../context.js';

/** What a command sends back to the person who typed it, as an ephemeral message through `response_url`. */
export interface Reply {
  text: string;
  blocks?: types.KnownBlock[];
}

/** One invocation of `/regapi` by one person. */
export interface CommandRequest {
  deps: SlackDeps;
  locale: Locale;
  t: Messages;
  userId: string;
  channelId: string;
  triggerId: string;
  client: webApi.WebClient;
}
