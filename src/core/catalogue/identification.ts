/**
 * Identification: the fields a request uses to name the object it acts on. REG.API takes one object
 * as `domain_name`/`dname`, `service_id` or `user_servid`, with `servtype` for services attached to a
 * domain, or `uplink_service_id` + `servtype` + `subtype` for child services. It takes several objects
 * as a `domains`, `services` or `bills` list. The helpers build strict input schemas that demand at
 * least one identification, so a call that names nothing is rejected before it is sent.
 */
import { z } from 'zod';
import { domainName, idValue, serviceId, servtype, userServid } from './scalars.js';

/** The fields that name one domain, in a request or in a `domains` item. */
export const domainIdShape = {
  domain_name: domainName.optional(),
  dname: domainName.optional().describe('Domain name (alias of domain_name)'),
  service_id: serviceId.optional(),
  user_servid: userServid.optional(),
};

const DOMAIN_ID_KEYS = Object.keys(domainIdShape);

/** The fields that name one service, in a request or in a `services` item. */
export const serviceIdShape = {
  ...domainIdShape,
  servtype: servtype.optional(),
  uplink_service_id: serviceId.optional().describe('Parent service of a child service; needs servtype and subtype'),
  subtype: z.string().min(1).optional().describe('Plan or product code within the service type'),
};

const SERVICE_ID_KEYS = [...DOMAIN_ID_KEYS, 'uplink_service_id'];

function namesSomething(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => value[key] !== undefined);
}

const DOMAIN_ITEM_MESSAGE = 'Each domains item needs dname, domain_name, service_id or user_servid';
const SERVICE_ITEM_MESSAGE =
  'Each services item needs service_id, user_servid, dname/domain_name (with servtype for non-domain services) or uplink_service_id';

/** Builds the schema of a `domains` list item. `extra` adds per-item fields such as `records` or `action_list`. */
export function domainItem<S extends z.ZodRawShape>(extra?: S) {
  return z
    .strictObject({ ...domainIdShape, ...(extra ?? ({} as S)) })
    .refine((item) => namesSomething(item, DOMAIN_ID_KEYS), { message: DOMAIN_ITEM_MESSAGE });
}

/** A `services` list item. */
export const serviceItem = z
  .strictObject(serviceIdShape)
  .refine((item) => namesSomething(item, SERVICE_ID_KEYS), { message: SERVICE_ITEM_MESSAGE });

/** A `bills` list item: the bill id itself, or `{bill_id}` as REG.API's own examples write it. */
export const billItem = z.union([idValue, z.strictObject({ bill_id: idValue })]);

const IDENTIFY_DOMAIN =
  'No domain named: give domain_name, dname, service_id, user_servid, or a domains list for several domains';

/**
 * Builds the schema of a request that acts on one domain or on a `domains` list, with method fields `extra`.
 * `item` replaces the plain `domains` item where a method takes per-item fields.
 */
export function domainTarget<S extends z.ZodRawShape, I extends z.ZodType = ReturnType<typeof domainItem>>(
  extra: S,
  item?: I,
) {
  const domainsList = z
    .array(item ?? domainItem())
    .min(1, 'domains is empty: list at least one domain')
    .describe('Several domains in one request; the client splits lists above REG.API\'s maximum');
  return z
    .strictObject({ ...domainIdShape, domains: domainsList.optional(), ...extra })
    .refine((value) => namesSomething(value, [...DOMAIN_ID_KEYS, 'domains']), { message: IDENTIFY_DOMAIN })
    .describe('Name the domain with domain_name (or dname), service_id or user_servid, or list several in domains');
}

const IDENTIFY_SERVICE =
  'No service named: give service_id, user_servid, domain_name/dname (with servtype for non-domain services), ' +
  'uplink_service_id with servtype and subtype, or a services list';

/** Options of `serviceTarget`. */
export interface ServiceTargetOptions {
  /** Also take a `services` list for bulk calls. */
  list?: boolean;
  /** False where naming no service is valid (service/nop). Default true. */
  required?: boolean;
  /** Further fields that identify the target on their own, such as a `domains` list in `extra`. */
  alsoIdentifiedBy?: readonly string[];
  /** Schema for fields not named in the shape, where REG.API takes open-ended per-servtype options. */
  catchall?: z.ZodType;
}

/** Builds the schema of a request that acts on one service (or, with `list`, on several), with method fields `extra`. */
export function serviceTarget<S extends z.ZodRawShape>(extra: S, options: ServiceTargetOptions = {}) {
  const servicesList = z
    .array(serviceItem)
    .min(1, 'services is empty: list at least one service')
    .describe('Several services in one request; the client splits lists above REG.API\'s maximum');
  const keys = [
    ...SERVICE_ID_KEYS,
    ...(options.list ? ['services'] : []),
    ...(options.alsoIdentifiedBy ?? []),
  ];
  const base = z.strictObject({
    ...serviceIdShape,
    ...(options.list ? { services: servicesList.optional() } : {}),
    ...extra,
  });
  const open = options.catchall ? base.catchall(options.catchall) : base;
  const described = open.describe(
    options.list
      ? 'Name the service with service_id, user_servid or domain_name (plus servtype), or list several in services'
      : 'Name the service with service_id, user_servid or domain_name (plus servtype for non-domain services)',
  );
  return described.superRefine((value: Record<string, unknown>, ctx) => {
    if (!namesSomething(value, keys)) {
      if (options.required !== false) ctx.addIssue({ code: 'custom', message: IDENTIFY_SERVICE });
      return;
    }
    const byUplinkOnly = value.uplink_service_id !== undefined && !namesSomething(value, DOMAIN_ID_KEYS);
    if (byUplinkOnly && (value.servtype === undefined || value.subtype === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.servtype === undefined ? 'servtype' : 'subtype'],
        message: 'A child service named by uplink_service_id also needs servtype and subtype',
      });
    }
  });
}

const IDENTIFY_BILL = 'No bill named: give bill_id or a bills list';

/** Builds the schema of a request that acts on one bill or on a `bills` list. */
export function billTarget<S extends z.ZodRawShape>(extra: S) {
  return z
    .strictObject({
      bill_id: idValue.optional().describe('Bill id'),
      bills: z.array(billItem).min(1, 'bills is empty: list at least one bill').optional().describe('Several bill ids'),
      ...extra,
    })
    .refine((value) => namesSomething(value, ['bill_id', 'bills']), { message: IDENTIFY_BILL })
    .describe('Name the bill with bill_id, or list several in bills');
}

/** Builds the schema of a request that acts on one folder, named by `folder_id` or `folder_name`. */
export function folderTarget<S extends z.ZodRawShape>(extra: S) {
  return z
    .strictObject({
      folder_id: idValue.optional().describe('Folder id (recommended)'),
      folder_name: z.string().min(1).optional().describe('Folder name'),
      ...extra,
    })
    .refine((value) => namesSomething(value, ['folder_id', 'folder_name']), {
      message: 'No folder named: give folder_id or folder_name',
    });
}
