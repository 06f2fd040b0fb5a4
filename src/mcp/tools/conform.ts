import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../../core/log.js';
import type { ObjectJsonSchema } from '../tool.js';

/** The same validator the SDK's client applies to structured content. */
const validator = new AjvJsonSchemaValidator();

type ValidatorSchema = Parameters<AjvJsonSchemaValidator['getValidator']>[0];

/**
 * Returns a function that checks a result's structured content against the tool's output schema
 * before it leaves. A client rejects the whole result when the content does not match, so an answer
 * that REG.API shaped differently from the catalogue moves to `unnormalised_answer`, which the
 * schema leaves open, and the mismatch is logged as a catalogue defect.
 */
export function outputConformer(toolName: string, schema: ObjectJsonSchema, logger: Logger): (result: CallToolResult) => CallToolResult {
  let validate: ReturnType<AjvJsonSchemaValidator['getValidator']> | undefined;
  return (result) => {
    const structured = result.structuredContent;
    if (!structured) return result;
    validate ??= validator.getValidator(schema as unknown as ValidatorSchema);
    const verdict = validate(structured);
    if (verdict.valid) return result;

    logger.warn({ tool: toolName, mismatch: verdict.errorMessage }, 'answer does not match the output schema; returning it as unnormalised_answer');
    const { answer, ...rest } = structured;
    const moved = { ...rest, unnormalised_answer: answer };
    const text = result.isError ? result.content : [{ type: 'text' as const, text: JSON.stringify(moved) }];
    return { ...result, content: text, structuredContent: moved };
  };
}
