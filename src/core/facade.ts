import type { z } from 'zod';
import type { TypedOperation } from './catalogue/index.js';
import type { OperationDefinition } from './catalogue/types.js';
import type { CallOptions, CallResult } from './client/types.js';
import type { Core } from './core.js';

/**
 * The facade member of one operation: reads return the normalised answer with per-element outcomes;
 * writes and billing return what the `write` handler returns (an operation waiting for approval).
 * The answer may be missing, because REG.API omits it for methods with nothing to return.
 */
type FacadeMethodOf<D extends TypedOperation> = (
  input?: z.input<D['input']>,
  options?: CallOptions,
) => Promise<D['effect'] extends 'read' ? CallResult<z.output<D['output']> | undefined> : unknown>;

/** `api.<category>.<method>`, typed from the catalogue: `api.zone.addTxt`, `api.common.nop`. */
export type Facade = {
  [C in TypedOperation['category']]: {
    [D in Extract<TypedOperation, { category: C }> as D['facadeName']]: FacadeMethodOf<D>;
  };
};

type UntypedMethod = (input?: Record<string, unknown>, options?: CallOptions) => Promise<unknown>;

export interface FacadeOptions {
  /**
   * Handler for write and billing methods. Without it such methods raise, because every change at
   * REG.RU needs a person's confirmation. The console passes the operations queue's `propose`.
   */
  write?: (definition: OperationDefinition, input: Record<string, unknown>) => Promise<unknown>;
}

/**
 * Builds `api.<category>.<method>(input)` from the catalogue, in the Ruby gem's shape:
 * `api.domain.check({ domain_name: 'example.ru' })`, `api.common.nop()`. Inputs and answers are
 * typed from each operation's zod schemas, and every input is validated again at run time.
 */
export function createFacade(core: Core, options: FacadeOptions = {}): Facade {
  const facade: Record<string, Record<string, UntypedMethod>> = {};
  for (const definition of core.catalogue) {
    const category = (facade[definition.category] ??= {});
    category[definition.facadeName] = async (input = {}, callOptions) => {
      if (definition.effect === 'read') return core.call(definition.path, input, callOptions);
      if (!options.write) {
        throw new Error(`${definition.path} changes data at REG.RU and needs a person's approval; propose it through the operations queue (regapi2 call ${definition.path} ... then regapi2 ops approve ID).`);
      }
      return options.write(definition, core.validate(definition.path, input));
    };
  }
  return facade as unknown as Facade;
}
