import type { webApi } from '@slack/bolt';
import type { Logger } from '../core/log.js';
import { FINAL_STATES, type OperationNotifier, type OperationRecord } from '../core/operations/types.js';
import type { Store } from '../core/store/types.js';
import { messagesFor, type Locale } from './i18n/index.js';
import { renderCard, stateName } from './render/card.js';
import { userLocale } from './settings.js';

/** Location of an operation's approval card, kept in `operation.meta` so any process with the bot token can edit it. */
export interface CardLocation {
  channel: string;
  ts: string;
}

export const CARD_META_KEY = 'slackCard';

export function cardLocation(operation: OperationRecord): CardLocation | undefined {
  const value = operation.meta[CARD_META_KEY] as Partial<CardLocation> | undefined;
  return value && typeof value.channel === 'string' && typeof value.ts === 'string' ? { channel: value.channel, ts: value.ts } : undefined;
}

export interface ApprovalNotifierOptions {
  client: webApi.WebClient;
  store: Store;
  /** The approval channel; without one no card is posted and people approve at a terminal. */
  channel?: string;
  locale: Locale;
  logger: Logger;
}

/** Attempts to record the card's location when the operation changes between read and write. */
const META_WRITE_ATTEMPTS = 3;

/**
 * Tier 2 of the confirmation: posts every new write or billing operation to the approval channel as a
 * card with its preview, and edits the same card (chat.update) on every later state change, whichever
 * process caused it. When the operation ends, the notifier mentions the requester in the card's thread.
 */
export class SlackApprovalNotifier implements OperationNotifier {
  /** Edits of one card run one after another, so an older state never overwrites a newer one. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly options: ApprovalNotifierOptions) {}

  async announce(operation: OperationRecord): Promise<void> {
    const { client, channel, locale, logger } = this.options;
    if (!channel) return;
    const card = renderCard(operation, locale);
    const posted = await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks, unfurl_links: false, unfurl_media: false });
    if (!posted.ts) throw new Error(`chat.postMessage returned no ts for operation ${operation.id}`);
    const location: CardLocation = { channel: posted.channel ?? channel, ts: posted.ts };
    await this.saveLocation(operation, location);
    logger.info({ operationId: operation.id, channel: location.channel, ts: location.ts }, 'approval card posted');
  }

  async update(operation: OperationRecord): Promise<void> {
    const previous = this.pending.get(operation.id) ?? Promise.resolve();
    const next = previous.then(() => this.editCard(operation.id, operation));
    const settled = next.catch(() => {});
    this.pending.set(operation.id, settled);
    try {
      await next;
    } finally {
      if (this.pending.get(operation.id) === settled) this.pending.delete(operation.id);
    }
  }

  /** Renders the operation as the store has it now, which may be newer than the state that triggered the edit. */
  private async editCard(id: string, notified: OperationRecord): Promise<void> {
    const { client, store, locale, logger } = this.options;
    const operation = (await store.getOperation(id)) ?? notified;
    const location = cardLocation(operation) ?? cardLocation(notified);
    if (!location) return;

    const card = renderCard(operation, locale);
    await client.chat.update({ channel: location.channel, ts: location.ts, text: card.text, blocks: card.blocks });
    logger.debug({ operationId: id, state: operation.state }, 'approval card updated');

    if (FINAL_STATES.includes(notified.state) && notified.state === operation.state) await this.tellRequester(operation, location);
  }

  /** Posts a thread reply that mentions a Slack requester, in their language, once the operation has ended. */
  private async tellRequester(operation: OperationRecord, location: CardLocation): Promise<void> {
    if (!operation.requestedBy.startsWith('slack:')) return;
    const userId = operation.requestedBy.slice('slack:'.length);
    const t = messagesFor(await userLocale(this.options.store, userId));
    await this.options.client.chat.postMessage({
      channel: location.channel,
      thread_ts: location.ts,
      text: `<@${userId}> \`${operation.id}\`: ${stateName(t, operation.state)}`,
    });
  }

  private async saveLocation(operation: OperationRecord, location: CardLocation): Promise<void> {
    const { store } = this.options;
    let current: OperationRecord | null = operation;
    for (let attempt = 0; attempt < META_WRITE_ATTEMPTS && current; attempt += 1) {
      const saved = await store.updateOperation(current.id, { version: current.version }, { meta: { ...current.meta, [CARD_META_KEY]: location } });
      if (saved) return;
      current = await store.getOperation(operation.id);
    }
    throw new Error(`could not record the approval card of operation ${operation.id}: it kept changing`);
  }
}
