/**
 * The reusable zod pieces for the operation definitions, in one import: scalar inputs and field
 * groups (`scalars.ts`), identification of domains, services and bills (`identification.ts`), and
 * the loose, normalising answer schemas (`answers.ts`).
 */
export * from './scalars.js';
export * from './identification.js';
export * from './answers.js';
