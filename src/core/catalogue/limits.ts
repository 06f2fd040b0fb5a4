/** Bulk limits shared by the category files. */
import type { BulkSpec } from './types.js';

/** REG.API returns TOO_MANY_OBJECTS_IN_ONE_REQUEST above 1,000 objects in a `domains` list. */
export const DOMAINS_BULK: BulkSpec = { field: 'domains', max: 1000 };

/** The same 1,000-object limit for `services` lists. */
export const SERVICES_BULK: BulkSpec = { field: 'services', max: 1000 };
