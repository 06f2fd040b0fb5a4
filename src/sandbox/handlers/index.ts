import { billHandlers } from './bill.js';
import type { Handler } from './context.js';
import { dnssecHandlers } from './dnssec.js';
import { domainHandlers } from './domain.js';
import { folderHandlers } from './folder.js';
import { rootHandlers } from './root.js';
import { serviceHandlers } from './service.js';
import { userHandlers } from './user.js';
import { zoneHandlers } from './zone.js';

/**
 * Methods with their own behaviour for configured accounts, by REG.API path. Every other method of the
 * catalogue gets the generic answer; this table adds behaviour and never decides which methods exist.
 */
export const accountHandlers: Readonly<Record<string, Handler>> = {
  ...rootHandlers,
  ...userHandlers,
  ...billHandlers,
  ...serviceHandlers,
  ...domainHandlers,
  ...zoneHandlers,
  ...dnssecHandlers,
  ...folderHandlers,
};
