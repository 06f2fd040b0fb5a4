import type { App } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { ACTION_IDS, SLASH_COMMAND, VIEW_IDS } from '../ids.js';
import { registerApproveListener } from './approve.js';
import { registerCommandListener } from './command.js';
import { registerOrderProfileListener } from './order-profile.js';
import { registerRejectListener } from './reject.js';
import { registerRemoveAllListener } from './remove-all.js';
import { registerServicesPageListener } from './services-page.js';

/** One listener: what Slack routes to it, and how it is registered. */
export interface ListenerEntry {
  kind: 'command' | 'action' | 'view';
  id: string;
  register(app: App, deps: SlackDeps): void;
}

/** Every listener of the app; manifest.json must declare what these need (a test compares them). */
export const LISTENERS: readonly ListenerEntry[] = [
  { kind: 'command', id: SLASH_COMMAND, register: registerCommandListener },
  { kind: 'action', id: ACTION_IDS.approve, register: registerApproveListener },
  { kind: 'action', id: ACTION_IDS.reject, register: registerRejectListener },
  { kind: 'action', id: ACTION_IDS.removeAll, register: registerRemoveAllListener },
  { kind: 'action', id: ACTION_IDS.servicesPage, register: registerServicesPageListener },
  { kind: 'view', id: VIEW_IDS.orderProfile, register: registerOrderProfileListener },
];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const listener of LISTENERS) listener.register(app, deps);
}
