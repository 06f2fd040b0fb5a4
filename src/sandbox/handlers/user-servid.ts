import { ApiError } from '../protocol.js';
import type { AccountState } from '../model/state.js';

/**
 * Checks a caller-chosen `user_servid`: 1 to 32 characters of 0-9 and a-f (BAD_USER_SERVID), unique
 * among the account's services, deleted ones included (USER_SERVID_IS_NOT_UNIQUE). That uniqueness is
 * what makes a resent order safe. Returns the id, or undefined when none was given.
 */
export function checkUserServid(account: AccountState, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = String(value);
  if (!/^[0-9a-f]{1,32}$/.test(id)) throw new ApiError('BAD_USER_SERVID', { user_servid: id });
  if (account.services.some((service) => service.user_servid === id)) {
    throw new ApiError('USER_SERVID_IS_NOT_UNIQUE', { user_servid: id });
  }
  return id;
}
