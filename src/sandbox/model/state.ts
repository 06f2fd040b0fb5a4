import type { SandboxAccount, SeedRecord } from '../types.js';
import { DEFAULT_PRICES, splitPrices } from './prices.js';
import { toAsciiName } from './names.js';

export type ServiceState = 'A' | 'N' | 'S' | 'D';

export interface ServiceRecord {
  service_id: number;
  servtype: string;
  subtype: string;
  /** ASCII (punycode) name; answers show the Unicode form. */
  dname: string;
  user_servid?: string;
  state: ServiceState;
  creation_date: string;
  expiration_date: string;
  autorenew: boolean;
  /** Name servers, for domains. */
  nss: string[];
  uplink_service_id?: number;
  /** WHOIS privacy of a domain, set by `domain/update_private_person_flag`. */
  privatePerson?: boolean;
  /** DNSSEC of a domain: off until `dnssec/enable` or `dnssec/add_keys`. */
  dnssec?: { status: 'enabled' | 'disabled'; records: string[] };
}

export interface ZoneRecord {
  subname: string;
  rectype: string;
  content: string;
  /** Priority for MX, SRV and HTTPS records; null for the other types, as real accounts answer. */
  prio: number | null;
}

export interface ZoneState {
  records: ZoneRecord[];
  soa: { ttl: string; minimum_ttl: string };
}

export interface FolderState {
  folder_id: number;
  folder_name: string;
  services: number[];
}

export interface BillItem {
  itemtype: 'service';
  dname: string;
  servtype: string;
  service_id: number;
  action: 'new' | 'renew' | 'refill';
  /** For renewals: years or months to add once the bill is paid. */
  period?: number;
}

export interface BillState {
  bill_id: number;
  bill_date: string;
  currency: string;
  payment: number;
  pay_type: string;
  pay_status: 'notpayed' | 'payed' | 'deleted';
  items: BillItem[];
}

/** The live model of one configured account; handlers change it in place. */
export interface AccountState {
  username: string;
  password: string;
  partner: boolean;
  sigPublicKey?: string;
  allowedIps?: string[];
  userId: number;
  balance: number;
  currency: string;
  services: ServiceRecord[];
  /** Zones by ASCII domain name. */
  zones: Map<string, ZoneState>;
  folders: FolderState[];
  bills: BillState[];
  tldPrices: Map<string, number>;
  servicePrices: Map<string, number>;
}

/** Every configured account plus the id sequences they share, so ids are unique across accounts. */
export interface World {
  accounts: Map<string, AccountState>;
  nextServiceId: () => number;
  nextBillId: () => number;
  nextFolderId: () => number;
}

export const REG_RU_NSS = ['ns1.reg.ru', 'ns2.reg.ru'];

/** Formats a date as REG.API does: `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole years or months to a `YYYY-MM-DD` date. */
export function addPeriod(date: string, amount: number, unit: 'year' | 'month'): string {
  const result = new Date(`${date}T00:00:00Z`);
  if (unit === 'year') result.setUTCFullYear(result.getUTCFullYear() + amount);
  else result.setUTCMonth(result.getUTCMonth() + amount);
  return isoDate(result);
}

export function usesRegRuNss(service: ServiceRecord): boolean {
  return service.nss.some((ns) => ns === 'reg.ru' || ns.endsWith('.reg.ru'));
}

export function emptyZone(): ZoneState {
  return { records: [], soa: { ttl: '1d', minimum_ttl: '3h' } };
}

function toZoneRecord(seed: SeedRecord): ZoneRecord {
  return { subname: seed.subname, rectype: seed.rectype.toUpperCase(), content: seed.content, prio: seed.prio ?? null };
}

function createIdSequence(start: number): () => number {
  let next = start;
  return () => next++;
}

export function createWorld(): World {
  return {
    accounts: new Map(),
    nextServiceId: createIdSequence(100_001),
    nextBillId: createIdSequence(500_001),
    nextFolderId: createIdSequence(1),
  };
}

/** Builds the live state of a configured account from its seed, drawing ids from the world. */
export function createAccountState(seed: SandboxAccount, world: World, userId: number): AccountState {
  const today = isoDate(new Date());
  const nextYear = addPeriod(today, 1, 'year');
  const prices = splitPrices({ ...DEFAULT_PRICES, ...seed.prices });
  const account: AccountState = {
    username: seed.username,
    password: seed.password,
    partner: seed.partner ?? false,
    sigPublicKey: seed.sigPublicKey,
    allowedIps: seed.allowedIps,
    userId,
    balance: seed.balance ?? 1000,
    currency: 'RUR',
    services: [],
    zones: new Map(),
    folders: [],
    bills: [],
    tldPrices: prices.tlds,
    servicePrices: prices.servtypes,
  };

  const addService = (init: Partial<ServiceRecord> & { servtype: string; dname: string }): ServiceRecord => {
    const service: ServiceRecord = {
      service_id: init.service_id ?? world.nextServiceId(),
      servtype: init.servtype,
      subtype: init.subtype ?? '',
      dname: toAsciiName(init.dname),
      user_servid: init.user_servid,
      state: init.state ?? 'A',
      creation_date: init.creation_date ?? today,
      expiration_date: init.expiration_date ?? nextYear,
      autorenew: false,
      nss: init.nss ?? (init.servtype === 'domain' ? [...REG_RU_NSS] : []),
    };
    account.services.push(service);
    if (service.servtype === 'domain' && usesRegRuNss(service)) account.zones.set(service.dname, emptyZone());
    return service;
  };

  for (const domain of seed.domains ?? []) {
    if (typeof domain === 'string') addService({ servtype: 'domain', dname: domain });
    else addService({ ...domain, servtype: 'domain' });
  }
  for (const service of seed.services ?? []) addService(service);
  for (const [name, records] of Object.entries(seed.zones ?? {})) {
    const ascii = toAsciiName(name);
    if (!account.services.some((service) => service.servtype === 'domain' && service.dname === ascii)) {
      addService({ servtype: 'domain', dname: ascii });
    }
    const zone = account.zones.get(ascii) ?? emptyZone();
    zone.records.push(...records.map(toZoneRecord));
    account.zones.set(ascii, zone);
  }
  for (const folder of seed.folders ?? []) {
    account.folders.push({
      folder_id: folder.folder_id ?? world.nextFolderId(),
      folder_name: folder.folder_name,
      services: [...(folder.services ?? [])],
    });
  }
  for (const bill of seed.bills ?? []) {
    const items: BillItem[] = (bill.services ?? []).flatMap((id) => {
      const service = account.services.find((candidate) => candidate.service_id === id);
      return service ? [{ itemtype: 'service' as const, dname: service.dname, servtype: service.servtype, service_id: id, action: 'new' as const }] : [];
    });
    account.bills.push({
      bill_id: bill.bill_id ?? world.nextBillId(),
      bill_date: bill.bill_date ?? today,
      currency: 'RUR',
      payment: bill.payment,
      pay_type: 'prepay',
      pay_status: bill.pay_status ?? 'notpayed',
      items,
    });
  }
  return account;
}
