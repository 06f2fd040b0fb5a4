// Rewrites the settings table in docs/configuration.md from the built settings list.
// Run `npm run build` first; the configuration test fails when the table is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderSettingsTable } from '../dist/core/config/table.js';

const path = new URL('../docs/configuration.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf('| flag / environment');
const end = doc.indexOf('\n\n', start);
if (start === -1 || end === -1) throw new Error('docs/configuration.md has no settings table to replace');
writeFileSync(path, doc.slice(0, start) + renderSettingsTable() + doc.slice(end));
