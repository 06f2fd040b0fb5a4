/** The `domain` category: availability, prices, registration, transfers, name servers and contacts. */
import { domainLookupOperations } from './domain-lookup.js';
import { domainManagementOperations } from './domain-management.js';
import { domainOrderOperations } from './domain-orders.js';

export const domainOperations = [...domainLookupOperations, ...domainOrderOperations, ...domainManagementOperations];
