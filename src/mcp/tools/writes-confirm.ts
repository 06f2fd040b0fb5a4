import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Core } from '../../core/core.js';
import { RegApi2Error } from '../../core/client/errors.js';
import { matchesConfirmation } from '../../core/operations/preview/index.js';
import type { OperationRecord } from '../../core/operations/types.js';
import { redactStoreUrl } from '../../core/store/index.js';
import type { ToolExtra } from '../tool.js';
import { fromOperation, previewLines, writeResult } from './writes-result.js';
import type { WriteOperations } from './writes-types.js';
import { startProgress, waitForOutcome } from './writes-wait.js';

/** How long a write waits for its outcome when the client did not ask for progress, in milliseconds. */
const SILENT_WAIT_MS = 5_000;

export interface ConfirmSettings {
  core: Core;
  operations: WriteOperations;
  waitMs: number;
  elicitationTimeoutMs: number;
  progressIntervalMs: number;
}

/** `mcp:<client name>`, the actor recorded for requests and decisions made through this MCP client. */
export function mcpActor(extra: ToolExtra): string {
  return `mcp:${extra.server.getClientVersion()?.name ?? 'unknown-client'}`;
}

/** Describes how a person approves an operation outside the MCP client. */
export function approvalInstructions(core: Core, id: string): string {
  const slack = core.config.slack?.approvalChannel && core.config.slack?.botToken ? ` or with the Approve button in Slack channel ${core.config.slack.approvalChannel}` : '';
  const store = core.config.store;
  if (store.includes(':memory:')) {
    return `This server keeps operations in memory (--sandbox without --store), so no other process can approve ${id}${slack ? `; approve it${slack}` : ''}. Restart the server with --store sqlite:PATH and run \`regapi2 ops approve ID --store sqlite:PATH\` to approve at a terminal.`;
  }
  // The terminal command must open the same store as this server; name it unless it is the default.
  const storeFlag = core.config.sources?.store === 'default' ? '' : ` --store ${redactStoreUrl(store)}`;
  return `A person approves it at a terminal with \`regapi2 ops approve ${id}${storeFlag}\`${slack}; operations_status shows its progress.`;
}

function nextStep(core: Core, operation: OperationRecord): string {
  switch (operation.state) {
    case 'done':
      // A list call where REG.API refused some elements is done with PARTIAL_FAILURE naming them.
      return operation.error ? operation.error.hint : 'Nothing: the change is made.';
    case 'done_unpaid':
      return 'REG.API created the order with an unpaid bill; pay the bill (bill/change_pay_type with pay_type prepay) to complete it.';
    case 'failed':
      return operation.error?.hint ?? 'Read the error, correct the request and propose it again.';
    case 'rejected':
      return 'Nothing was sent. Propose it again if the change is still wanted.';
    case 'expired':
      return 'Nothing was sent because nobody approved it in time. Propose it again.';
    case 'outcome_unknown':
      return `REG.API did not answer, so the change may or may not have happened. The reconciler checks before anything is sent again; operations_status with id ${operation.id} shows what it found.`;
    case 'awaiting_approval':
      return approvalInstructions(core, operation.id);
    default:
      return `It is approved and waits in the queue or is being sent; call operations_status with id ${operation.id} for the outcome.`;
  }
}

const SUMMARIES: Partial<Record<OperationRecord['state'], string>> = {
  done: 'Done.',
  done_unpaid: 'Ordered, but not paid.',
  failed: 'The operation failed.',
  rejected: 'Rejected: nothing was sent to REG.RU.',
  expired: 'Expired: nothing was sent to REG.RU.',
  outcome_unknown: 'Outcome unknown: REG.API did not answer.',
  awaiting_approval: 'Waiting for a person to approve it.',
};

/** Builds the tool result for an operation in its current state. */
export function operationResult(core: Core, operation: OperationRecord, note?: string): CallToolResult {
  const partial = operation.state === 'done' && operation.error !== null && operation.error !== undefined;
  const stateSummary = partial ? 'Partly done: REG.API refused some elements.' : (SUMMARIES[operation.state] ?? `${operation.state}.`);
  const summary = `Operation ${operation.id} (${operation.path}): ${stateSummary}${note ? ` ${note}` : ''}`;
  return writeResult({ ...fromOperation(operation), next_step: nextStep(core, operation) }, summary);
}

function supportsFormElicitation(extra: ToolExtra): boolean {
  const capability = extra.server.getClientCapabilities()?.elicitation;
  return capability !== undefined && (capability.form !== undefined || Object.keys(capability).length === 0);
}

/**
 * Tier 1: asks the person through the client's elicitation form to type the domain or service id.
 * Returns the decision, or a reason why no decision was made (the form failed or timed out).
 */
async function askPerson(settings: ConfirmSettings, operation: OperationRecord, extra: ToolExtra): Promise<{ decision: 'approve' | 'reject'; typed?: string; reason: string } | { decision: 'none'; reason: string }> {
  const confirmWith = operation.preview?.confirmWith ?? operation.path;
  const message = [
    `regapi2 asks for approval of ${operation.path} (operation ${operation.id}).`,
    ...(operation.preview ? previewLines(operation.preview) : []),
    `To approve, type ${confirmWith}. Decline or cancel to reject; nothing is sent then.`,
  ].join('\n');
  let answer;
  try {
    answer = await extra.server.elicitInput(
      {
        mode: 'form',
        message,
        requestedSchema: {
          type: 'object',
          properties: {
            confirm: { type: 'string', title: `Type ${confirmWith} to approve`, description: 'The domain (either form) or the service id named above.' },
          },
          required: ['confirm'],
        },
      },
      { relatedRequestId: extra.requestId, timeout: settings.elicitationTimeoutMs, signal: extra.signal },
    );
  } catch (error) {
    return { decision: 'none', reason: `the confirmation form failed (${error instanceof Error ? error.message : String(error)})` };
  }
  if (answer.action !== 'accept') return { decision: 'reject', reason: `the person chose ${answer.action} in the confirmation form` };
  const typed = typeof answer.content?.confirm === 'string' ? answer.content.confirm : '';
  if (!matchesConfirmation(confirmWith, typed)) {
    return { decision: 'reject', typed, reason: `the person typed "${typed}", which is not ${confirmWith}` };
  }
  return { decision: 'approve', typed, reason: 'confirmed in the MCP client' };
}

/**
 * Waits for an approved (or still pending) operation until it finishes or the wait budget runs
 * out, sending progress meanwhile, and reports its state.
 */
export async function waitAndReport(settings: ConfirmSettings, operation: OperationRecord, extra: ToolExtra, startedAt: number, note?: string): Promise<CallToolResult> {
  let current = operation;
  const stopProgress = startProgress(extra, settings.progressIntervalMs, () => `Operation ${current.id}: ${current.state}`);
  try {
    // Counted from the start of the call, so the answer comes before the client's own timeout; after a
    // slow confirmation form the call still waits briefly for the queue to pick the operation up.
    const deadline = Math.max(startedAt + settings.waitMs, Date.now() + Math.min(5_000, settings.waitMs));
    current = await waitForOutcome(settings.operations, current, deadline, extra, (changed) => {
      current = changed;
    });
    return operationResult(settings.core, current, note);
  } finally {
    stopProgress();
  }
}

/**
 * Takes a freshly proposed operation through tier 1 (elicitation) when the client supports it, then
 * waits for the outcome. Without elicitation it waits for a person to approve it elsewhere (Slack or
 * the terminal) and says how.
 */
export async function confirmAndWait(settings: ConfirmSettings, operation: OperationRecord, extra: ToolExtra, startedAt: number): Promise<CallToolResult> {
  if (!supportsFormElicitation(extra)) {
    // A client that asked for progress shows the wait to the person, so the call may wait for an
    // approval in Slack or at the terminal. Without a progress token nothing shows that the call is
    // alive, so the operation id comes back after a short wait instead.
    const waitMs = extra._meta?.progressToken !== undefined ? settings.waitMs : Math.min(settings.waitMs, SILENT_WAIT_MS);
    return waitAndReport({ ...settings, waitMs }, operation, extra, startedAt);
  }

  let current = operation;
  const stopProgress = startProgress(extra, settings.progressIntervalMs, () => `Operation ${current.id} waits for confirmation in the client`);
  let asked;
  try {
    asked = await askPerson(settings, current, extra);
  } finally {
    stopProgress();
  }

  const by = mcpActor(extra);
  try {
    if (asked.decision === 'reject') {
      current = await settings.operations.reject(current.id, { by, tier: 'elicitation', reason: asked.reason });
      return operationResult(settings.core, current, `Reason: ${asked.reason}.`);
    }
    if (asked.decision === 'none') {
      settings.core.logger.warn({ operationId: current.id, reason: asked.reason }, 'confirmation form failed; the operation stays pending');
      return waitAndReport(settings, current, extra, startedAt, `It stays pending because ${asked.reason}.`);
    }
    // The typed value was compared above in either IDN form; the queue gets the exact confirmWith text.
    current = await settings.operations.approve(current.id, { by, tier: 'elicitation', confirmation: current.preview?.confirmWith ?? asked.typed });
  } catch (error) {
    if (!(error instanceof RegApi2Error)) throw error;
    settings.core.logger.warn({ operationId: current.id, code: error.code, err: error.message }, 'decision from the confirmation form was not applied');
    current = (await settings.operations.get(current.id)) ?? current;
    return writeResult(
      { ...fromOperation(current), error: { code: error.code, message: error.message, hint: error.hint }, next_step: error.hint },
      `Operation ${current.id} (${current.path}) was not approved: ${error.message}`,
    );
  }
  return waitAndReport(settings, current, extra, startedAt);
}
