import { ApiError, type Params } from '../protocol.js';
import { toUnicodeName } from '../model/names.js';
import type { FolderState } from '../model/state.js';
import type { Handler, HandlerContext } from './context.js';
import { answerEach } from './items.js';

/** Finds a folder by `folder_id` (preferred) or `folder_name`, or throws FOLDER_NOT_FOUND. */
function requireFolder(context: HandlerContext, idKey = 'folder_id', nameKey = 'folder_name'): FolderState {
  const id = context.params[idKey];
  const name = context.params[nameKey];
  if (id === undefined && name === undefined) throw new ApiError('PARAMETER_MISSING', { param: idKey });
  const folder = context.account.folders.find((candidate) =>
    id !== undefined ? String(candidate.folder_id) === String(id) : candidate.folder_name === String(name),
  );
  if (!folder) throw new ApiError('FOLDER_NOT_FOUND');
  return folder;
}

function folderContent(context: HandlerContext, folder: FolderState): Params[] {
  return folder.services.flatMap((id) => {
    const service = context.account.services.find((candidate) => candidate.service_id === id && candidate.state !== 'D');
    return service ? [{ service_id: String(id), servtype: service.servtype, domain_name: toUnicodeName(service.dname) }] : [];
  });
}

/** Adds `folder_content` when the call asked for it with `return_folder_contents=1`. */
function withContent(context: HandlerContext, folder: FolderState, answer: Params = {}): Params | undefined {
  if (String(context.params.return_folder_contents ?? '0') !== '1') return Object.keys(answer).length > 0 ? answer : undefined;
  return { ...answer, folder_content: folderContent(context, folder) };
}

/** A folder method that changes membership for each service of the `services` list. */
function membershipHandler(change: (folder: FolderState, serviceId: number, context: HandlerContext) => void, replace = false): Handler {
  return (context) => {
    const folder = requireFolder(context);
    if (replace) folder.services = [];
    const services = answerEach(context, 'services', (service) => {
      change(folder, service.service_id, context);
      return {};
    });
    return withContent(context, folder, { services });
  };
}

function addTo(folder: FolderState, serviceId: number): void {
  if (!folder.services.includes(serviceId)) folder.services.push(serviceId);
}

export const folderHandlers: Record<string, Handler> = {
  'folder/nop': (context) => {
    if (context.params.folder_id === undefined && context.params.folder_name === undefined) return undefined;
    const folder = requireFolder(context);
    return { id: String(folder.folder_id), name: folder.folder_name };
  },
  'folder/create': ({ account, world, params }) => {
    const name = String(params.folder_name ?? '');
    if (name === '') throw new ApiError('PARAMETER_MISSING', { param: 'folder_name' });
    if (account.folders.some((folder) => folder.folder_name === name)) throw new ApiError('FOLDER_ALREADY_EXISTS');
    account.folders.push({ folder_id: world.nextFolderId(), folder_name: name, services: [] });
    return undefined;
  },
  'folder/remove': (context) => {
    const folder = requireFolder(context);
    context.account.folders = context.account.folders.filter((candidate) => candidate !== folder);
    return undefined;
  },
  'folder/rename': (context) => {
    const folder = requireFolder(context);
    const name = String(context.params.new_folder_name ?? '');
    if (name === '') throw new ApiError('PARAMETER_MISSING', { param: 'new_folder_name' });
    folder.folder_name = name;
    return withContent(context, folder);
  },
  'folder/get_services': (context) => ({ folder_content: folderContent(context, requireFolder(context)) }),
  'folder/add_services': membershipHandler((folder, id) => addTo(folder, id)),
  'folder/remove_services': membershipHandler((folder, id) => {
    folder.services = folder.services.filter((candidate) => candidate !== id);
  }),
  'folder/replace_services': membershipHandler((folder, id) => addTo(folder, id), true),
  'folder/move_services': membershipHandler((folder, id, context) => {
    const target = requireFolder(context, 'new_folder_id', 'new_folder_name');
    folder.services = folder.services.filter((candidate) => candidate !== id);
    addTo(target, id);
  }),
};
