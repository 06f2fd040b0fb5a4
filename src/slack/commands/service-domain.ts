import { ValidationError } from '../../core/client/errors.js';
import type { SlackDeps } from '../context.js';
import { asRecord } from './amounts.js';

/** Looks up the domain name of a service id with `service/get_info`; commands that edit zones need the name. */
export async function domainOfService(deps: SlackDeps, serviceId: string): Promise<string> {
  const answer = asRecord((await deps.core.call('service/get_info', { service_id: serviceId })).answer);
  const services = Array.isArray(answer.services) ? answer.services : [];
  const dname = asRecord(services[0]).dname;
  if (typeof dname !== 'string' || dname === '') {
    throw new ValidationError([{ path: 'service_id', message: `service ${serviceId} has no domain name` }], 'service/get_info', 'Give the domain name instead of the service id.');
  }
  return dname;
}
