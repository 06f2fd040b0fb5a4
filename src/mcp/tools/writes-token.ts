import { createHash, randomBytes } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { RegApi2Error } from '../../core/client/errors.js';
import { computePreview, previewDrifted } from '../../core/operations/preview/index.js';
import type { Preview } from '../../core/operations/types.js';
import { stableJson } from '../../core/stable-json.js';
import type { ToolExtra } from '../tool.js';
import { approvalInstructions, mcpActor, operationResult, waitAndReport, type ConfirmSettings } from './writes-confirm.js';
import { writeResult } from './writes-result.js';

/**
 * The settings scope under which issued tokens are stored, keyed by the token's SHA-256.
 * TODO: the store has no way to delete a setting, so issued tokens stay after they expire or are spent.
 */
const TOKEN_SCOPE = 'mcp-commit-token';

interface IssuedToken {
  path: string;
  /** SHA-256 of the validated input, so the token commits exactly the arguments it was issued for. */
  inputHash: string;
  preview: Preview;
  expiresAt: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function rejection(code: string, message: string, hint: string): CallToolResult {
  return writeResult({ state: 'rejected', error: { code, message, hint }, next_step: hint }, message);
}

export interface TokenSettings extends ConfirmSettings {
  tokenTtlMs: number;
}

/**
 * Tier 4, prepare step: computes the preview and issues a single-use token bound to the path and
 * the arguments. Nothing is proposed or sent yet. Billing operations get no token unless the
 * configuration allows it; they are proposed for approval by a person instead.
 */
export async function prepareWithToken(settings: TokenSettings, path: string, input: Record<string, unknown>, billing: boolean, extra: ToolExtra): Promise<CallToolResult> {
  const { core } = settings;
  if (billing && !core.config.tokenAllowsBilling) {
    const operation = await settings.operations.propose({ path, input, requestedBy: mcpActor(extra), meta: { via: 'mcp' } });
    return operationResult(core, operation, 'Billing operations get no confirmation token unless REGAPI_CONFIRM_TOKEN_BILLING=1 allows it.');
  }
  const store = core.store;
  if (!store) {
    return rejection('STORE_MISSING', 'The token tier needs a store to remember issued tokens, and none is configured.', 'Start regapi2 with a store (--store sqlite:PATH).');
  }

  const preview = await computePreview(core, path, input);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.tokenTtlMs).toISOString();
  const issued: IssuedToken = { path, inputHash: sha256(stableJson(input)), preview, expiresAt };
  await store.setSetting(TOKEN_SCOPE, sha256(token), JSON.stringify(issued));
  return writeResult(
    { state: 'token_issued', path, preview, commit_token: token, token_expires_at: expiresAt, next_step: 'Show the preview to the person; if they agree, call the same tool again with the same arguments and commit set to the token.' },
    `Prepared ${path}; nothing is sent until the token is committed.`,
  );
}

/**
 * Tier 4, commit step: spends the token (once, through `store.claimOnce`), proposes the operation,
 * checks that the preview has not changed since the token was issued, approves it with tier `token`
 * and waits for the outcome.
 */
export async function commitWithToken(settings: TokenSettings, path: string, input: Record<string, unknown>, token: string, extra: ToolExtra, startedAt: number): Promise<CallToolResult> {
  const { core } = settings;
  const store = core.store;
  if (!store) {
    return rejection('STORE_MISSING', 'The token tier needs a store to remember issued tokens, and none is configured.', 'Start regapi2 with a store (--store sqlite:PATH).');
  }
  const key = sha256(token);
  const raw = await store.getSetting(TOKEN_SCOPE, key);
  if (raw === null) {
    return rejection('TOKEN_UNKNOWN', 'The commit token is not one this server issued.', 'Call the tool without commit to get a preview and a new token.');
  }
  const issued = JSON.parse(raw) as IssuedToken;
  if (Date.parse(issued.expiresAt) <= Date.now()) {
    return rejection('TOKEN_EXPIRED', `The commit token expired at ${issued.expiresAt}.`, 'Call the tool without commit to get a fresh preview and token.');
  }
  if (issued.path !== path || issued.inputHash !== sha256(stableJson(input))) {
    return rejection('TOKEN_MISMATCH', `The commit token was issued for other arguments (${issued.path}).`, 'Commit with exactly the arguments of the prepare call, or prepare again.');
  }
  if (!(await store.claimOnce(`${TOKEN_SCOPE}:${key}`, settings.tokenTtlMs, Date.now()))) {
    return rejection('TOKEN_USED', 'The commit token was already used.', 'Call the tool without commit to get a new preview and token.');
  }

  const by = mcpActor(extra);
  const operation = await settings.operations.propose({ path, input, requestedBy: by, meta: { via: 'mcp', tier: 'token' } });
  const drift = operation.preview ? previewDrifted(issued.preview, operation.preview) : null;
  if (drift !== null) {
    const rejected = await settings.operations.reject(operation.id, { by, tier: 'token', reason: `the preview changed after the token was issued: ${drift}` });
    return operationResult(core, rejected, `The preview changed after the token was issued (${drift}); prepare again.`);
  }
  try {
    const approved = await settings.operations.approve(operation.id, { by, tier: 'token', confirmation: operation.preview?.confirmWith });
    return await waitAndReport(settings, approved, extra, startedAt);
  } catch (error) {
    if (!(error instanceof RegApi2Error)) throw error;
    core.logger.warn({ operationId: operation.id, code: error.code, err: error.message }, 'token commit was not approved');
    const current = (await settings.operations.get(operation.id)) ?? operation;
    return writeResult(
      { state: current.state, operation_id: current.id, path, error: { code: error.code, message: error.message, hint: error.hint }, next_step: approvalInstructions(core, current.id) },
      `Operation ${current.id} was not approved with the token: ${error.message}`,
    );
  }
}
