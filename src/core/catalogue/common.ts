/** Root methods, which REG.API serves without a category and the Ruby gem files under `common`. */
import { z } from 'zod';
import { defineOperation } from './types.js';
import { idOut, serviceTarget } from './shared.js';

const loginAnswer = z.looseObject({ login: z.string().optional(), user_id: idOut.optional() });

export const commonOperations = [
  defineOperation({
    path: 'nop',
    summary: 'Check that REG.API answers and the credentials work; returns the login and user id.',
    input: z.strictObject({}),
    output: loginAnswer,
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'reseller_nop',
    summary: 'Check that the credentials belong to a partner (reseller) account.',
    description: 'Fails with RESELLER_AUTH_FAILED for an ordinary client account.',
    input: z.strictObject({}),
    output: loginAnswer,
    access: 'partners',
    effect: 'read',
  }),
  defineOperation({
    path: 'get_user_id',
    summary: 'Return the user id of the account the credentials belong to.',
    input: z.strictObject({}),
    output: z.looseObject({ user_id: idOut.optional() }),
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'get_service_id',
    summary: 'Find the service id of a domain or service named by name, user_servid or uplink service.',
    input: serviceTarget({}),
    output: z.looseObject({ service_id: idOut.optional() }),
    access: 'clients',
    effect: 'read',
  }),
];
