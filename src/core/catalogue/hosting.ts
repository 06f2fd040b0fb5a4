/** The `hosting` category: reseller URLs and helpers for hosting products. */
import { z } from 'zod';
import { defineOperation } from './types.js';
import { looseAnswer, serviceId, servtype } from './shared.js';

const urlAnswer = z.looseObject({ url: z.string().optional() });

export const hostingOperations = [
  defineOperation({
    path: 'hosting/nop',
    summary: 'Check that the hosting category answers.',
    input: z.strictObject({}),
    output: looseAnswer,
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'hosting/get_jelastic_refill_url',
    summary: 'Return the reseller\'s Jelastic refill URL.',
    description: 'Only in the 2017 documentation.',
    input: z.strictObject({}),
    output: urlAnswer,
    access: 'partners',
    effect: 'read',
    deprecated: true,
  }),
  defineOperation({
    path: 'hosting/set_jelastic_refill_url',
    summary: 'Set the reseller\'s Jelastic refill URL.',
    description: 'The URL may contain the placeholders <service_id> and <email>. Only in the 2017 documentation.',
    input: z.strictObject({ url: z.string().min(1) }),
    output: looseAnswer,
    access: 'partners',
    effect: 'write',
    deprecated: true,
  }),
  defineOperation({
    path: 'hosting/get_parallelswpb_constructor_url',
    summary: 'Return the login URL of the Parallels website builder of a hosting service.',
    description: 'Only in the 2017 documentation.',
    input: z.strictObject({ service_id: serviceId }),
    output: urlAnswer,
    access: 'clients',
    effect: 'read',
    deprecated: true,
  }),
  defineOperation({
    path: 'hosting/get_rs_themes',
    summary: 'List the themes of ready-made Joomla or WordPress sites.',
    description: 'Only in the 2017 documentation. REG.API returns a list of themes, not an object.',
    input: z.strictObject({
      servtype: servtype.describe('srv_rs_joomla or srv_rs_wordpress'),
      subtype: z.string().min(1),
    }),
    output: z.array(
      z.looseObject({
        name: z.string().optional(),
        text: z.string().optional(),
        link: z.string().optional(),
        img: z.string().optional(),
        img_big: z.string().optional(),
      }),
    ),
    access: 'everyone',
    effect: 'read',
    deprecated: true,
  }),
  defineOperation({
    path: 'hosting/get_os_templates',
    summary: 'List the operating system templates for servers.',
    description:
      'REG.API documents no parameters or answer for this method; any parameters are passed through as strings or numbers.',
    input: z.strictObject({}).catchall(z.union([z.string(), z.number()])),
    output: looseAnswer,
    access: 'everyone',
    effect: 'read',
  }),
];
