/** The `folder` category: folders that group services in the account. */
import { z } from 'zod';
import { defineOperation } from './types.js';
import { flag01, folderShape, folderTarget, idOut, idValue, looseAnswer, serviceItem } from './shared.js';
import { SERVICES_BULK } from './limits.js';

const folderContent = z
  .array(
    z.looseObject({ service_id: idOut.optional(), servtype: z.string().optional(), domain_name: z.string().optional() }),
  )
  .optional();

const contentAnswer = z.looseObject({ folder_content: folderContent });

const servicesShape = {
  services: z.array(serviceItem).min(1, 'services is empty: list at least one service'),
  return_folder_contents: flag01.optional().describe('1: answer with the folder content after the change'),
};

export const folderOperations = [
  defineOperation({
    path: 'folder/nop',
    summary: 'Check that the folder category answers; with a folder id or name, return the folder.',
    input: z.strictObject(folderShape),
    output: z.looseObject({ id: idOut.optional(), name: z.string().optional() }),
    access: 'everyone',
    effect: 'read',
  }),
  defineOperation({
    path: 'folder/create',
    summary: 'Create a folder.',
    input: z.strictObject({ folder_name: z.string().min(1, 'folder_name is empty') }),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'folder/remove',
    summary: 'Delete a folder (the services in it stay).',
    input: folderTarget({}),
    output: looseAnswer,
    access: 'clients',
    effect: 'write',
    destructive: true,
  }),
  defineOperation({
    path: 'folder/rename',
    summary: 'Rename a folder.',
    input: folderTarget({
      new_folder_name: z.string().min(1, 'new_folder_name is empty'),
      return_folder_contents: flag01.optional().describe('1: answer with the folder content'),
    }),
    output: contentAnswer,
    access: 'clients',
    effect: 'write',
  }),
  defineOperation({
    path: 'folder/get_services',
    summary: 'List the services in a folder.',
    input: folderTarget({}),
    output: contentAnswer,
    access: 'clients',
    effect: 'read',
  }),
  defineOperation({
    path: 'folder/add_services',
    summary: 'Add services to a folder.',
    input: folderTarget(servicesShape),
    output: contentAnswer,
    access: 'clients',
    effect: 'write',
    bulk: SERVICES_BULK,
  }),
  defineOperation({
    path: 'folder/remove_services',
    summary: 'Take services out of a folder (the services themselves stay).',
    input: folderTarget(servicesShape),
    output: contentAnswer,
    access: 'clients',
    effect: 'write',
    bulk: SERVICES_BULK,
    destructive: true,
  }),
  defineOperation({
    path: 'folder/replace_services',
    summary: 'Make a folder contain exactly the listed services.',
    description: 'Services in the folder that are not listed are taken out of it.',
    input: folderTarget(servicesShape),
    output: contentAnswer,
    access: 'clients',
    effect: 'write',
    bulk: SERVICES_BULK,
    destructive: true,
  }),
  defineOperation({
    path: 'folder/move_services',
    summary: 'Move services from a folder to another folder.',
    input: folderTarget({
      ...servicesShape,
      new_folder_id: idValue.optional().describe('Target folder id'),
      new_folder_name: z.string().min(1).optional().describe('Target folder name'),
    }).superRefine((value: Record<string, unknown>, ctx) => {
      if (value.new_folder_id === undefined && value.new_folder_name === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['new_folder_id'],
          message: 'No target folder: give new_folder_id or new_folder_name',
        });
      }
    }),
    output: contentAnswer,
    access: 'clients',
    effect: 'write',
    bulk: SERVICES_BULK,
  }),
];
