import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface LockPackage {
  version?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };

function parseVersion(text: string): number[] {
  return text.split('-')[0].split('.').map(Number);
}

function atLeast(version: number[], minimum: number[]): boolean {
  for (let i = 0; i < 3; i += 1) {
    if ((version[i] ?? 0) !== (minimum[i] ?? 0)) return (version[i] ?? 0) > (minimum[i] ?? 0);
  }
  return true;
}

/** Checks whether `version` satisfies a range made of `^X.Y.Z` alternatives joined by `||`, the form the SDK uses. */
function satisfiesCaretRange(version: string, range: string): boolean {
  const actual = parseVersion(version);
  return range.split('||').some((alternative) => {
    const match = /^\s*\^(\d+(?:\.\d+){0,2})\s*$/.exec(alternative);
    if (!match) throw new Error(`unexpected range form "${alternative}"; extend this test to read it`);
    const minimum = parseVersion(match[1]);
    return actual[0] === minimum[0] && atLeast(actual, minimum);
  });
}

describe('zod in the lockfile', () => {
  const zodEntries = Object.entries(lock.packages).filter(([path]) => path === 'node_modules/zod' || path.endsWith('/node_modules/zod'));

  it('resolves exactly one zod', () => {
    expect(zodEntries.map(([path]) => path)).toEqual(['node_modules/zod']);
  });

  it('resolves a zod the MCP SDK accepts', () => {
    const sdk = lock.packages['node_modules/@modelcontextprotocol/sdk'];
    const range = sdk.peerDependencies?.zod ?? sdk.dependencies?.zod;
    expect(range, 'the SDK declares its zod range').toBeDefined();
    const version = zodEntries[0][1].version!;
    expect(satisfiesCaretRange(version, range!), `zod ${version} against ${range}`).toBe(true);
  });

  it('has zod 4 for z.toJSONSchema', () => {
    expect(parseVersion(zodEntries[0][1].version!)[0]).toBe(4);
  });
});
