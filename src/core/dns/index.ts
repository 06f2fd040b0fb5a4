export { canonicalLabels, isInZone } from './names.js';
export { listZones, pickZone } from './zones.js';
export { resolveName, type ResolveOptions } from './resolve.js';
export { listRecords, readZone, readZones, sameRecord, type RecordListing } from './records.js';
export { RECORD_TYPES, recordType, comparableValue } from './record-types.js';
export { planSetRecord, planRemoveRecord, type SetRecordRequest, type RemoveRecordRequest } from './plan.js';
export type { CoreCaller, DnsPlan, PlannedCall, ResolvedName } from './types.js';
