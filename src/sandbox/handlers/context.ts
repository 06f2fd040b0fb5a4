import type { Lang } from '../messages.js';
import type { AccountState, World } from '../model/state.js';
import type { Params } from '../protocol.js';
import type { SandboxMethod } from '../types.js';

/** What a method handler gets: the parsed parameters, the caller's live account and the whole sandbox. */
export interface HandlerContext {
  path: string;
  method: SandboxMethod;
  params: Params;
  lang: Lang;
  account: AccountState;
  world: World;
}

/**
 * Runs one method for a configured account and returns `answer` (undefined for methods that answer
 * nothing). Top-level errors are thrown as ApiError; handlers are synchronous, so a call changes the
 * state as a whole or not at all.
 */
export type Handler = (context: HandlerContext) => unknown;
