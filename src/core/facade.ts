import type { OperationDefinition } from './catalogue/types.js';
import type { CallOptions } from './client/types.js';
import type { Core } from './core.js';

export type FacadeMethod = (input?: Record<string, unknown>, options?: CallOptions) => Promise<unknown>;
export type Facade = Record<string, Record<string, FacadeMethod>>;

export interface FacadeOptions {
  /**
   * Handler for write and billing methods. Without it such methods raise, because every change at
   * REG.RU needs a person's confirmation. The console passes the operations queue's `propose`.
   */
  write?: (definition: OperationDefinition, input: Record<string, unknown>) => Promise<unknown>;
}

/**
 * Builds `api.<category>.<method>(input)` from the catalogue, in the Ruby gem's shape:
 * `api.domain.check({ domain_name: 'example.ru' })`, `api.common.nop()`. Reads return the
 * normalised answer with per-element outcomes.
 */
export function createFacade(core: Core, options: FacadeOptions = {}): Facade {
  const facade: Facade = {};
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
  return facade;
}
