/** The oldest Node.js release regapi2 supports, the same as the engines field of package.json. */
export const MIN_NODE_VERSION = '22.19.0';

/**
 * Checks a Node.js version (`process.versions.node`) against MIN_NODE_VERSION. Returns the error
 * message for an older one, or undefined when it is new enough.
 */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor, minMinor] = MIN_NODE_VERSION.split('.').map(Number);
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return undefined;
  return `Node.js ${version} is too old: regapi2 needs ${MIN_NODE_VERSION} or newer (24 is recommended). Install a newer Node.js and run the command again.`;
}
