import { RegApi2Error } from '../../client/errors.js';
import { displayDomain } from '../../idn.js';
import type { Preview } from '../types.js';
import { describeTargets, type Targets } from './targets.js';
import type { PreviewCore } from './types.js';

/**
 * Names each service a `service/delete` would remove by type and domain, read from
 * `service/get_info`. When the lookup fails the preview still lists the ids it was given.
 */
async function describeServices(core: PreviewCore, input: Record<string, unknown>, warnings: string[]): Promise<string[] | undefined> {
  try {
    const lookup: Record<string, unknown> = {};
    for (const field of ['service_id', 'domain_name', 'dname', 'servtype', 'user_servid'] as const) {
      if (input[field] !== undefined) lookup[field] = input[field];
    }
    const answer = (await core.call('service/get_info', lookup, { fresh: true })).answer as { services?: Record<string, unknown>[] } | undefined;
    const services = Array.isArray(answer?.services) ? answer.services : [];
    if (services.length === 0) return undefined;
    return services.map((service) => {
      const domain = typeof service.dname === 'string' ? ` for ${displayDomain(service.dname)}` : '';
      return `service ${String(service.service_id ?? '?')} (${String(service.servtype ?? input.servtype ?? 'unknown type')}${domain})`;
    });
  } catch (error) {
    if (!(error instanceof RegApi2Error)) throw error;
    warnings.push(`service/get_info failed with ${error.code}; the services are listed as given.`);
    return undefined;
  }
}

/** Previews a call that deletes or takes something away: exactly what goes. */
export async function previewDelete(core: PreviewCore, path: string, input: Record<string, unknown>, targets: Targets): Promise<Omit<Preview, 'confirmWith'>> {
  const warnings: string[] = [];
  let deletes = describeTargets(targets);
  if (path === 'service/delete') deletes = (await describeServices(core, input, warnings)) ?? deletes;
  if (path === 'domain/delete_ns') deletes = [`glue host ${String(input.ns0 ?? '?')} (${String(input.ns0ip ?? '?')}) of ${deletes.join(', ')}`];
  return { headline: `${path}: delete ${deletes.join(', ') || 'the named object'}`, deletes, warnings };
}
