import type { types } from '@slack/bolt';
import type { OperationRecord, OperationState } from '../../core/operations/types.js';
import { ACTION_IDS } from '../ids.js';
import { formatMoney, messagesFor, slackDate, type Locale, type Messages } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { describeOperationError, explainCode } from './errors.js';
import { recordBullets } from './records.js';

/** Slack's limit for the text of a confirm dialog, in characters. */
const CONFIRM_TEXT_MAX = 300;

/** `slack:U123` becomes a mention; `cli:alice` and `mcp:Claude` are shown as they are. */
export function personName(actor: string): string {
  return actor.startsWith('slack:') ? `<@${actor.slice('slack:'.length)}>` : `\`${escapeSlackText(actor)}\``;
}

export function stateName(t: Messages, state: OperationState): string {
  return t[`state_${state}`]();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function section(text: string): types.KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Renders the money and the change from the preview's structured fields. */
function previewBlocks(t: Messages, locale: Locale, operation: OperationRecord): types.KnownBlock[] {
  const preview = operation.preview;
  if (!preview) return [];
  const blocks: types.KnownBlock[] = [];

  if (operation.effect === 'billing') {
    const lines = [preview.price !== undefined ? t.card_price({ amount: formatMoney(locale, preview.price, preview.currency) }) : t.card_priceUnknown()];
    if (preview.balanceBefore !== undefined && preview.balanceAfter !== undefined) {
      lines.push(t.card_balance({ before: formatMoney(locale, preview.balanceBefore, preview.currency), after: formatMoney(locale, preview.balanceAfter, preview.currency) }));
    }
    blocks.push(section(lines.join('\n')));
  }
  if (preview.dns) {
    // Only a finished change is labelled "added" or "removed". Before it, and after a failure, it is the requested change.
    const done = operation.state === 'done' || operation.state === 'done_unpaid';
    const lines: string[] = [];
    const added = recordBullets(preview.dns.added);
    const removed = recordBullets(preview.dns.removed);
    if (preview.dns.added.length > 0) lines.push(done ? t.card_dnsAdded({ list: added }) : t.card_dnsToAdd({ list: added }));
    if (preview.dns.removed.length > 0) lines.push(done ? t.card_dnsRemoved({ list: removed }) : t.card_dnsToRemove({ list: removed }));
    if (preview.dns.unchanged.length > 0) lines.push(t.card_dnsUnchanged({ count: preview.dns.unchanged.length }));
    if (lines.length > 0) blocks.push(section(lines.join('\n')));
  }
  if (preview.deletes && preview.deletes.length > 0) {
    blocks.push(section(t.card_deletes({ list: preview.deletes.map((item) => `• ${escapeSlackText(item)}`).join('\n') })));
  }
  if (preview.warnings.length > 0) {
    blocks.push(section(t.card_warnings({ list: preview.warnings.map((warning) => `• ${escapeSlackText(warning)}`).join('\n') })));
  }
  return blocks;
}

/** Builds the confirm dialog of Approve, which restates the amount so that a payment is never approved unseen. */
function confirmDialog(t: Messages, locale: Locale, operation: OperationRecord): types.ConfirmationDialog {
  const what = escapeSlackText(operation.preview?.headline ?? operation.path);
  const preview = operation.preview;
  let text: string;
  if (operation.effect === 'billing') {
    text = preview?.price !== undefined ? t.confirm_billing({ amount: formatMoney(locale, preview.price, preview.currency), what }) : t.confirm_billingUnknown({ what });
  } else {
    text = t.confirm_write({ what });
  }
  return {
    title: { type: 'plain_text', text: t.confirm_title() },
    text: { type: 'plain_text', text: truncate(text, CONFIRM_TEXT_MAX) },
    confirm: { type: 'plain_text', text: t.confirm_yes() },
    deny: { type: 'plain_text', text: t.confirm_no() },
    style: operation.effect === 'billing' ? 'danger' : 'primary',
  };
}

/** Lists what happened after the decision: who decided, the error, the refused elements. */
function outcomeLines(t: Messages, locale: Locale, operation: OperationRecord, state: OperationState): string[] {
  const lines = [t.card_state({ state: stateName(t, state) })];
  if (operation.decidedBy && operation.decidedAt) lines.push(t.card_decidedBy({ who: personName(operation.decidedBy), date: slackDate(operation.decidedAt) }));
  if (operation.error && operation.state !== 'awaiting_approval') lines.push(t.card_error({ explanation: describeOperationError(locale, operation.error) }));

  const result = operation.result as { failedItems?: { index: number; key?: string; errorCode?: string; errorText?: string }[] } | null;
  const failed = Array.isArray(result?.failedItems) ? result.failedItems : [];
  if (failed.length > 0) {
    const list = failed.map((item) => `• ${escapeSlackText(item.key ?? `#${item.index + 1}`)}: ${explainCode(locale, item.errorCode ?? 'ITEM_FAILED', item.errorText)}`).join('\n');
    lines.push(t.card_itemsFailed({ list }));
  }
  return lines;
}

/**
 * Renders the approval card of an operation in its current state. Only a pending operation whose time has not
 * run out has buttons; every later edit of the same message drops them.
 */
export function renderCard(operation: OperationRecord, locale: Locale, now: Date = new Date()): { text: string; blocks: types.KnownBlock[] } {
  const t = messagesFor(locale);
  const pending = operation.state === 'awaiting_approval' && Date.parse(operation.expiresAt) > now.getTime();
  // A pending operation past its time is shown as expired before the queue has marked it so.
  const state: OperationState = operation.state === 'awaiting_approval' && !pending ? 'expired' : operation.state;
  let title = t.card_title_decided();
  if (pending) title = operation.effect === 'billing' ? t.card_title_billing() : t.card_title_write();
  const headline = escapeSlackText(operation.preview?.headline ?? operation.path);

  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title } },
    section(`*${headline}*\n${t.card_operation({ id: operation.id, path: operation.path })}`),
    ...previewBlocks(t, locale, operation),
  ];

  const context = [t.card_requestedBy({ who: personName(operation.requestedBy) })];
  if (pending) context.push(t.card_expires({ date: slackDate(operation.expiresAt) }));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });

  if (pending) {
    blocks.push({
      type: 'actions',
      block_id: `decision:${operation.id}`,
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.approve,
          style: 'primary',
          text: { type: 'plain_text', text: t.button_approve() },
          value: operation.id,
          confirm: confirmDialog(t, locale, operation),
        },
        { type: 'button', action_id: ACTION_IDS.reject, style: 'danger', text: { type: 'plain_text', text: t.button_reject() }, value: operation.id },
      ],
    });
  } else {
    blocks.push(section(outcomeLines(t, locale, operation, state).join('\n')));
  }

  const text = `${title}: ${headline} (${stateName(t, state)})`;
  return { text, blocks };
}
