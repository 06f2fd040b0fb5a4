import { ConfigError } from '../core/client/errors.js';
import type { McpTool } from './tool.js';

/** Toolsets besides the catalogue categories. */
const EXTRA_TOOLSETS = ['operations', 'dns'];

/** Categories whose read tools are served by default: domains, DNS zones, the service list and nop. */
export const DEFAULT_READ_CATEGORIES: readonly string[] = ['domain', 'zone', 'service', 'common'];

/**
 * Decides whether a tool is in the default selection: the non-deprecated read tools of
 * DEFAULT_READ_CATEGORIES (36 catalogue methods), the `dns` tools that edit records by full name
 * (each edit waits for a person's approval) and the whole `operations` toolset. Some clients
 * cap how many tools they pass to a model, so the default stays near 40. Naming a category adds its
 * write tools (`--toolsets default,zone`), and `all` serves everything.
 */
function inDefaultSelection(tool: McpTool): boolean {
  if (tool.toolset === 'operations' || tool.toolset === 'dns') return true;
  return DEFAULT_READ_CATEGORIES.includes(tool.toolset) && tool.annotations.readOnlyHint === true && !tool.deprecated;
}

export interface ToolSelection {
  /** Toolset names, `all`, or `default`; empty means `default`. */
  toolsets: readonly string[];
  /** Leaves out every tool that is not read-only. */
  readOnly: boolean;
}

const TOOLSETS_SETTING_WHERE = '--toolsets or REGAPI_TOOLSETS';

/**
 * Picks the tools to serve. Unknown toolset names are a configuration error that lists the known
 * ones, because a misspelt toolset would otherwise silently serve nothing.
 */
export function selectTools(tools: readonly McpTool[], selection: ToolSelection): McpTool[] {
  const known = new Set([...tools.map((tool) => tool.toolset), ...EXTRA_TOOLSETS]);
  const requested = selection.toolsets.length === 0 ? ['default'] : selection.toolsets;
  const unknown = requested.filter((name) => name !== 'all' && name !== 'default' && !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      unknown.map((name) => ({
        setting: 'toolsets',
        message: `unknown toolset "${name}"; known toolsets: all, default, ${[...known].sort().join(', ')}`,
        where: TOOLSETS_SETTING_WHERE,
      })),
    );
  }

  const everything = requested.includes('all');
  const wantDefault = requested.includes('default');
  const named = new Set(requested);
  return tools.filter((tool) => {
    if (selection.readOnly && tool.annotations.readOnlyHint !== true) return false;
    if (everything || named.has(tool.toolset)) return true;
    return wantDefault && inDefaultSelection(tool);
  });
}
