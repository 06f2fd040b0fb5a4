/** The `bill` category: invoices of the account. Every bill method returns `{ bills: [...] }`. */
import { z } from 'zod';
import { defineOperation, type BulkSpec } from './types.js';
import { billItem, billTarget, billsAnswer, currency, flag01, idValue, isoDate, wholeNumber } from './shared.js';

// NOTE: REG.API documents the 1,000-object limit for domains and services lists only; bills lists
// are assumed to share it.
const BILLS_BULK: BulkSpec = { field: 'bills', max: 1000 };

const pageShape = {
  limit: wholeNumber
    .refine((value) => Number(value) >= 1 && Number(value) <= 1024, { message: 'limit must be between 1 and 1024' })
    .optional()
    .describe('Bills per page, 1 to 1024 (REG.API default 100)'),
  offset: wholeNumber.optional().describe('Bills to skip'),
};

export const billOperations = [
  defineOperation({
    path: 'bill/nop',
    summary: 'Look up bills by id; without ids it only checks that the bill category answers.',
    input: z.strictObject({
      bill_id: idValue.optional(),
      bills: z.array(billItem).min(1).optional(),
    }),
    output: billsAnswer,
    access: 'clients',
    effect: 'read',
    bulk: BILLS_BULK,
  }),
  defineOperation({
    path: 'bill/get_not_payed',
    summary: 'List the unpaid bills of the account.',
    input: z.strictObject(pageShape),
    output: billsAnswer,
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'bill/get_for_period',
    summary: 'List the bills created between two dates.',
    input: z.strictObject({
      start_date: isoDate,
      end_date: isoDate,
      pay_type: z.string().min(1).optional().describe('Only bills with this payment method'),
      all: flag01.optional().describe('1: include inactive bills (expired services, refunded orders)'),
      ...pageShape,
    }),
    output: billsAnswer,
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'bill/change_pay_type',
    summary: 'Change how bills are paid; with pay_type prepay this pays them from the balance.',
    input: billTarget({
      pay_type: z.string().min(1).describe('New payment method: prepay pays from the balance; bank, pbank, yacard'),
      currency,
      wmid: z.string().optional().describe('WebMoney id (old WebMoney payments only)'),
    }),
    output: billsAnswer,
    access: 'clients',
    effect: 'billing',
    bulk: BILLS_BULK,
  }),
  defineOperation({
    path: 'bill/delete',
    summary: 'Delete unpaid bills.',
    description: 'REG.API returns status deleted for each removed bill, or an error such as BILL_CAN_NOT_REMOVED or BILL_ID_NOT_FOUND.',
    input: billTarget({}),
    output: billsAnswer,
    access: 'clients',
    effect: 'write',
    bulk: BILLS_BULK,
    destructive: true,
  }),
];
