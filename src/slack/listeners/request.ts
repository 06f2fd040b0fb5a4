import type { webApi } from '@slack/bolt';
import type { CommandRequest } from '../commands/types.js';
import type { SlackDeps } from '../context.js';
import { DEFAULT_LOCALE, messagesFor, type Locale } from '../i18n/index.js';
import { userLocale } from '../settings.js';

/**
 * Reads the person's language from the store within a bound. Slack expects the acknowledgement within
 * 3 seconds, so a slow store read falls back to the default rather than delaying it.
 */
export async function localeWithin(deps: SlackDeps, userId: string, boundMs = 500): Promise<Locale> {
  let timer: NodeJS.Timeout | undefined;
  const fallback = new Promise<Locale>((resolve) => {
    timer = setTimeout(() => resolve(DEFAULT_LOCALE), boundMs);
  });
  try {
    return await Promise.race([userLocale(deps.store, userId), fallback]);
  } catch (error) {
    deps.logger.warn({ err: error, userId }, 'reading the language setting failed; using the default');
    return DEFAULT_LOCALE;
  } finally {
    clearTimeout(timer);
  }
}

export function commandRequest(
  deps: SlackDeps,
  client: webApi.WebClient,
  locale: Locale,
  who: { userId: string; channelId: string; triggerId: string },
): CommandRequest {
  return { deps, client, locale, t: messagesFor(locale), ...who };
}
