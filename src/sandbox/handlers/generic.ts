import type { Lang } from '../messages.js';
import type { Params } from '../protocol.js';
import { cannedEach } from '../canned/items.js';
import type { SandboxMethod } from '../types.js';
import type { HandlerContext } from './context.js';
import { answerEach } from './items.js';

/**
 * The answer for a method without its own behaviour: for a method that takes a `domains` or `services`
 * list, one successful element per named object (an object that cannot be found fails on its own);
 * for any other method, a success without `answer`.
 * NOTE: such methods change nothing in the account model, even where the real method would.
 */
export function genericAccountAnswer(context: HandlerContext): unknown {
  const field = context.method.bulk?.field;
  if (field === 'domains' || field === 'services') return { [field]: answerEach(context, field, () => ({})) };
  return undefined;
}

/** Builds the same fallback for the test account, which resolves nothing and succeeds for every valid object. */
export function genericTestAnswer(method: SandboxMethod, params: Params, lang: Lang): unknown {
  const field = method.bulk?.field;
  if (field === 'domains' || field === 'services') return { [field]: cannedEach(params, field, lang) };
  return undefined;
}
