import { ValidationError } from '../../client/errors.js';
import type { PreviewCore } from './types.js';
import { normalizeZoneInput } from './zone-input.js';

/**
 * Orders that take `user_servid`. REG.API refuses a second order with the same value
 * (`USER_SERVID_IS_NOT_UNIQUE`), so a resend after a lost response cannot buy the same thing twice,
 * and the reconciler can look the order up by it.
 */
export const USER_SERVID_PATHS: readonly string[] = ['domain/create', 'domain/transfer', 'service/create'];

const OPERATION_ID = /^[0-9a-f]{32}$/;

function isZoneWrite(core: PreviewCore, path: string): boolean {
  const definition = core.catalogue.find((entry) => entry.path === path);
  return path.startsWith('zone/') && definition !== undefined && definition.effect !== 'read';
}

/**
 * Returns the input exactly as the queue will send it: orders get `user_servid` = the operation id
 * unless the caller chose one, and zone edits get canonical domain names and subdomains (`@` for the
 * apex). It sends nothing and gives the same result when called again.
 */
export async function prepareInput(core: PreviewCore, path: string, input: Record<string, unknown>, operationId: string): Promise<Record<string, unknown>> {
  let prepared: Record<string, unknown> = { ...input };
  if (USER_SERVID_PATHS.includes(path) && prepared.user_servid === undefined) {
    if (!OPERATION_ID.test(operationId)) {
      throw new ValidationError([{ path: 'user_servid', message: `operation id "${operationId}" is not 32 lower-case hex characters` }], path);
    }
    prepared.user_servid = operationId;
  }
  if (isZoneWrite(core, path)) prepared = normalizeZoneInput(prepared);
  return prepared;
}
