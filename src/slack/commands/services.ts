import type { types } from '@slack/bolt';
import { displayDomain } from '../../core/idn.js';
import { ACTION_IDS } from '../ids.js';
import { messagesFor, slackDate, type Locale } from '../i18n/index.js';
import type { Messages } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import type { SlackDeps } from '../context.js';
import { asRecord } from './amounts.js';
import type { Reply } from './types.js';

/** Services per message; a page stays well below Slack's limit of 3,000 characters per text block. */
export const SERVICES_PAGE_SIZE = 20;

/** What the "Next page" button carries, so the next page is computed from the same filter. */
export interface ServicesPageValue {
  filter?: string;
  page: number;
}

interface ServiceRow {
  id: string;
  name: string;
  servtype: string;
  state: string;
  expires?: string;
}

function toRow(raw: unknown): ServiceRow {
  const service = asRecord(raw);
  let dname = '';
  if (typeof service.dname === 'string') dname = service.dname;
  else if (typeof service.domain_name === 'string') dname = service.domain_name;
  return {
    id: String(service.service_id ?? ''),
    name: dname ? displayDomain(dname) : '',
    servtype: String(service.servtype ?? ''),
    state: String(service.state ?? ''),
    expires: typeof service.expiration_date === 'string' && service.expiration_date !== '' ? service.expiration_date : undefined,
  };
}

function stateText(t: Messages, state: string): string {
  const key = `services_state_${state}` as keyof Messages;
  return key in t ? (t[key] as () => string)() : escapeSlackText(state);
}

function matches(row: ServiceRow, filter: string): boolean {
  const needle = filter.toLowerCase();
  return [row.name, row.servtype, row.id].some((field) => field.toLowerCase().includes(needle));
}

/** One page of the account's services (`service/get_list`), filtered by a word in the name, type or id. */
export async function servicesReply(deps: SlackDeps, locale: Locale, filter: string | undefined, page: number): Promise<Reply> {
  const t = messagesFor(locale);
  const answer = asRecord((await deps.core.call('service/get_list', {})).answer);
  const all = (Array.isArray(answer.services) ? answer.services : []).map(toRow);
  const rows = filter ? all.filter((row) => matches(row, filter)) : all;
  const shownFilter = filter ? escapeSlackText(filter) : undefined;
  if (rows.length === 0) return { text: t.services_empty({ filter: shownFilter }) };

  const pages = Math.ceil(rows.length / SERVICES_PAGE_SIZE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const slice = rows.slice(current * SERVICES_PAGE_SIZE, (current + 1) * SERVICES_PAGE_SIZE);
  const header = t.services_header({ from: current * SERVICES_PAGE_SIZE + 1, to: current * SERVICES_PAGE_SIZE + slice.length, total: rows.length, filter: shownFilter });
  const lines = slice.map((row) =>
    t.services_line({
      name: escapeSlackText(row.name || row.id),
      servtype: escapeSlackText(row.servtype),
      id: escapeSlackText(row.id),
      state: stateText(t, row.state),
      expires: row.expires ? slackDate(`${row.expires.slice(0, 10)}T00:00:00Z`, { withTime: false }) : t.services_noDate(),
    }),
  );
  const text = [header, ...lines].join('\n');
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (current + 1 < pages) {
    const value: ServicesPageValue = { filter, page: current + 1 };
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION_IDS.servicesPage, text: { type: 'plain_text', text: t.services_next() }, value: JSON.stringify(value) }],
    });
  }
  return { text, blocks };
}
