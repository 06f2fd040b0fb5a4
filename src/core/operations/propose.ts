import { randomBytes } from 'node:crypto';

import { ValidationError } from '../client/errors.js';
import { definitionOf, journal, notify, type OperationsContext } from './context.js';
import type { OperationRecord, ProposeRequest } from './types.js';

/** Creates an operation id: 32 lower-case hex characters, which REG.API also accepts as `user_servid`. */
export function newOperationId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Validates a write or billing call, computes its preview and stores it as an operation waiting for
 * a person's approval. Nothing is sent to REG.API except the reads the preview needs.
 */
export async function propose(context: OperationsContext, request: ProposeRequest): Promise<OperationRecord> {
  const definition = definitionOf(context, request.path);
  if (definition.effect === 'read') {
    throw new ValidationError(
      [{ path: '', message: `${request.path} only reads data, so it needs no approval` }],
      request.path,
      'Call read methods directly (`regapi2 call`, or the MCP tool); only writes and billing calls become operations.',
    );
  }
  if (context.core.config.readOnly) {
    throw new ValidationError(
      [{ path: '', message: `regapi2 runs read-only here (--read-only or REGAPI_READ_ONLY), so ${request.path} cannot be proposed` }],
      request.path,
      'Run the command without --read-only, and unset REGAPI_READ_ONLY, to propose writes.',
    );
  }
  const input = context.core.validate(request.path, request.input);
  const id = newOperationId();
  const preview = await context.preview.computePreview(context.core as never, request.path, input);
  const created = context.now();

  const operation = await context.store.insertOperation({
    id,
    account: context.core.config.username,
    path: request.path,
    effect: definition.effect,
    input,
    state: 'awaiting_approval',
    preview,
    requestedBy: request.requestedBy,
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + context.expiryMs).toISOString(),
    meta: request.meta ?? {},
  });
  await journal(context, id, 'state', request.requestedBy, {
    from: 'proposed',
    to: 'awaiting_approval',
    path: request.path,
    effect: definition.effect,
    headline: preview.headline,
  });
  context.logger.info({ operationId: id, path: request.path, requestedBy: request.requestedBy }, 'operation proposed');
  await notify(context, operation, 'announce');
  return operation;
}
