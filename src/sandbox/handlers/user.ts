import type { Handler } from './context.js';

export const userHandlers: Record<string, Handler> = {
  'user/nop': () => undefined,
  // NOTE: the model keeps one balance in rubles; a `currency` parameter is not converted.
  'user/get_balance': ({ account }) => ({ currency: account.currency, prepay: account.balance, blocked: 0, credit: 0 }),
  'user/get_statistics': ({ account }) => {
    const live = account.services.filter((service) => service.state !== 'D');
    const domains = live.filter((service) => service.servtype === 'domain');
    return {
      active_domains_cnt: domains.filter((service) => service.state === 'A').length,
      active_domains_get_ctrl_cnt: 0,
      renew_domains_cnt: 0,
      renew_domains_get_ctrl_cnt: 0,
      undelegated_domains_cnt: domains.filter((service) => service.nss.length === 0).length,
      domain_folders_cnt: account.folders.length,
      balance_total: account.balance,
    };
  },
};
