import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../src/cli/node-version.js';

describe('nodeVersionProblem', () => {
  it.each(['20.20.2', '22.18.0', '18.0.0'])('rejects Node.js %s', (version) => {
    const problem = nodeVersionProblem(version);
    expect(problem).toContain(version);
    expect(problem).toContain('22.19.0 or newer');
  });

  it.each(['22.19.0', '22.20.1', '24.0.0', '25.1.0'])('accepts Node.js %s', (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });
});
