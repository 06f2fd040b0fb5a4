import { ValidationError } from '../../client/errors.js';
import { displayDomain, isMixedScript } from '../../idn.js';
import type { Preview } from '../types.js';
import { previewBilling } from './billing.js';
import { previewDelete } from './deletes.js';
import { previewZoneWrite } from './dns.js';
import { confirmationFor, describeTargets, targetsOf } from './targets.js';
import type { PreviewCore } from './types.js';

export { previewDrifted } from './drift.js';
export { prepareInput, USER_SERVID_PATHS } from './prepare.js';
export { matchesConfirmation } from './targets.js';
export type { PreviewCore } from './types.js';

/**
 * Works out what a write or billing call would do, for the person who approves it. DNS edits show
 * the records added and removed against the zone as it is now. Billing shows the price and the
 * balance before and after, and deletes show exactly what goes. It only reads from REG.API, and
 * unknown or read-only paths raise a ValidationError.
 */
export async function computePreview(core: PreviewCore, path: string, input: Record<string, unknown>): Promise<Preview> {
  const definition = core.catalogue.find((entry) => entry.path === path);
  if (definition === undefined) {
    throw new ValidationError([{ path: 'path', message: `unknown REG.API method "${path}"` }], path, 'Use a method path from the catalogue, such as zone/add_txt.');
  }
  if (definition.effect === 'read') {
    throw new ValidationError([{ path: 'path', message: `${path} only reads, so it needs no preview or approval` }], path, 'Call it directly.');
  }

  const targets = targetsOf(input);
  const named = describeTargets(targets);
  let body: Omit<Preview, 'confirmWith'>;
  if (definition.category === 'zone') body = await previewZoneWrite(core, path, input);
  else if (definition.effect === 'billing') body = await previewBilling(core, path, input, named);
  else if (definition.destructive === true) body = await previewDelete(core, path, input, targets);
  else body = { headline: `${definition.summary.replace(/\.$/, '')}: ${named.join(', ') || 'the account'}`, warnings: [] };

  const warnings = [...body.warnings];
  for (const domain of targets.domains.filter((name) => isMixedScript(name))) {
    warnings.push(`${displayDomain(domain)} mixes Latin and Cyrillic letters in one label; REG.API refuses such names (HAVE_MIXED_CODETABLES), and they are a common phishing trick.`);
  }
  if (named.length > 1) warnings.push(`This call acts on ${named.length} objects; the confirmation names the first, ${named[0]}.`);
  return { ...body, confirmWith: confirmationFor(targets, path), warnings };
}
