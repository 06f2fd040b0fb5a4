/** The `service` category: ordering, renewing and managing services (domains included). */
import { serviceChangeOperations } from './service-changes.js';
import { serviceLookupOperations } from './service-lookup.js';

export const serviceOperations = [...serviceLookupOperations, ...serviceChangeOperations];
