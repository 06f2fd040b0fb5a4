import { ApiError, type Fields, type Params } from '../protocol.js';
import type { AccountState, World } from '../model/state.js';
import type { SandboxMethod } from '../types.js';
import { signedText, verifySignature } from './signature.js';

/** Who is calling: the public test account, a configured account, or nobody (methods open to everyone). */
export type Caller = { kind: 'test' } | { kind: 'account'; account: AccountState } | { kind: 'anonymous' };

export const TEST_USERNAME = 'test';
const TEST_PASSWORD = 'test';

export interface Credentials {
  username: string;
  password: string;
  sig: string;
}

/**
 * Checks the credentials of one request the way REG.API does. Missing credentials give NO_AUTH for
 * methods that need an account. A password or signature without a username gives NO_USERNAME. Any
 * wrong login, password or signature gives USER_AUTHENTICATION_FAILED. The test account accepts only
 * its password, because REG.API does not enable signatures for it.
 */
export function authenticate(
  credentials: Credentials,
  method: SandboxMethod,
  world: World,
  signed: { fields: Fields; inputData?: Params },
): Caller {
  const { username, password, sig } = credentials;
  if (username === '') {
    if (password !== '' || sig !== '') throw new ApiError('NO_USERNAME');
    if (method.access === 'everyone') return { kind: 'anonymous' };
    throw new ApiError('NO_AUTH', { command_name: method.path });
  }
  if (password === '' && sig === '') throw new ApiError('NO_AUTH', { command_name: method.path });

  const account = world.accounts.get(username);
  if (!account) {
    if (username === TEST_USERNAME && sig === '' && password === TEST_PASSWORD) return { kind: 'test' };
    throw new ApiError('USER_AUTHENTICATION_FAILED');
  }
  if (sig !== '') {
    const valid = account.sigPublicKey !== undefined && verifySignature(signedText(signed.fields, signed.inputData), sig, account.sigPublicKey);
    if (!valid) throw new ApiError('USER_AUTHENTICATION_FAILED');
    return { kind: 'account', account };
  }
  if (password !== account.password) throw new ApiError('USER_AUTHENTICATION_FAILED');
  return { kind: 'account', account };
}

/** True when the caller may use a method whose access is `partners`; the test account is treated as a partner. */
export function isPartner(caller: Caller): boolean {
  if (caller.kind === 'test') return true;
  return caller.kind === 'account' && caller.account.partner;
}
