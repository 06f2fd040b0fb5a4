import type { Core } from '../../core/core.js';
import type { OperationDefinition } from '../../core/catalogue/types.js';
import { RegApi2Error, ValidationError } from '../../core/client/errors.js';
import type { McpTool, ToolProvider } from '../tool.js';
import { toolAnnotations, toolDescription, toolTitle } from './describe.js';
import { outputConformer } from './conform.js';
import { callResultToTool, errorToTool } from './result.js';
import { readInputSchema, resultOutputSchema } from './schemas.js';

/** Splits the `fresh` flag every read tool takes from the operation's own arguments. */
function takeFresh(path: string, args: Record<string, unknown>): { fresh: boolean; input: Record<string, unknown> } {
  const { fresh, ...input } = args;
  if (fresh !== undefined && typeof fresh !== 'boolean') {
    throw new ValidationError([{ path: 'fresh', message: `expected true or false, received ${JSON.stringify(fresh)}` }], path);
  }
  return { fresh: fresh === true, input };
}

function readTool(core: Core, def: OperationDefinition): McpTool {
  const outputSchema = resultOutputSchema(def);
  const conform = outputConformer(def.toolName, outputSchema, core.logger);
  return {
    name: def.toolName,
    title: toolTitle(def),
    description: toolDescription(def),
    inputSchema: readInputSchema(def),
    outputSchema,
    annotations: toolAnnotations(def),
    toolset: def.category,
    deprecated: def.deprecated === true,
    async handler(args, extra) {
      const { fresh, input } = takeFresh(def.path, args);
      // core.call validates before sending and throws ValidationError; the server turns that into InvalidParams.
      try {
        const result = await core.call(def.path, input, { fresh, signal: extra.signal });
        return conform(callResultToTool(result));
      } catch (error) {
        if (error instanceof RegApi2Error && !(error instanceof ValidationError)) return errorToTool(def.path, error);
        throw error;
      }
    },
  };
}

const toolsByCore = new WeakMap<Core, readonly McpTool[]>();

/** Builds one tool per catalogue operation whose effect is `read`, once per core. */
export const readTools: ToolProvider = (core) => {
  let tools = toolsByCore.get(core);
  if (!tools) {
    tools = core.catalogue.filter((def) => def.effect === 'read').map((def) => readTool(core, def));
    toolsByCore.set(core, tools);
  }
  return tools;
};
