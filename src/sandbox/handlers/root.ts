import { ApiError } from '../protocol.js';
import { resolveService } from '../model/identify.js';
import type { Handler } from './context.js';

const whoAmI: Handler = ({ account }) => ({ login: account.username, user_id: account.userId });

export const rootHandlers: Record<string, Handler> = {
  nop: whoAmI,
  reseller_nop: whoAmI,
  get_user_id: ({ account }) => ({ user_id: account.userId }),
  get_service_id: ({ account, params }) => {
    const resolved = resolveService(account, params);
    if (!resolved.ok) throw new ApiError(resolved.code, resolved.params);
    return { service_id: String(resolved.service.service_id) };
  },
};
