import type { OperationRecord } from '../../core/operations/types.js';
import { slackDate, type Messages } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { personName, stateName } from '../render/card.js';
import type { CommandRequest, Reply } from './types.js';

/** Operations listed by `ops` without an id. */
const RECENT_OPERATIONS = 10;

/** Operation ids are 32 hex characters; people may paste them in upper case. */
const OPERATION_ID = /^[0-9a-f]{32}$/;

function line(t: Messages, operation: OperationRecord): string {
  return t.ops_line({
    id: operation.id,
    state: stateName(t, operation.state),
    headline: escapeSlackText(operation.preview?.headline ?? operation.path),
    requestedBy: personName(operation.requestedBy),
  });
}

/** `ops` lists the latest operations; `ops ID` shows one with who asked and who decided. */
export async function runOps(request: CommandRequest, idText: string | undefined): Promise<Reply> {
  const { t, deps } = request;
  if (idText === undefined) {
    const operations = await deps.operations.list({ limit: RECENT_OPERATIONS });
    if (operations.length === 0) return { text: t.ops_none() };
    return { text: [t.ops_header({ count: operations.length }), ...operations.map((operation) => line(t, operation))].join('\n') };
  }

  const id = idText.trim().toLowerCase();
  const operation = OPERATION_ID.test(id) ? await deps.operations.get(id) : null;
  if (!operation) return { text: t.ops_notFound({ id: escapeSlackText(idText) }) };
  return {
    text: t.ops_detail({
      id: operation.id,
      state: stateName(t, operation.state),
      headline: escapeSlackText(operation.preview?.headline ?? operation.path),
      requestedBy: personName(operation.requestedBy),
      decidedBy: operation.decidedBy ? personName(operation.decidedBy) : t.ops_nobody(),
      created: slackDate(operation.createdAt),
    }),
  };
}
