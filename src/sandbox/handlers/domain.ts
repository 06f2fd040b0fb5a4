import { ApiError, itemError, type Params } from '../protocol.js';
import { listObjects } from '../model/identify.js';
import { checkRegistrableName, toUnicodeName } from '../model/names.js';
import { emptyZone, usesRegRuNss } from '../model/state.js';
import type { Handler } from './context.js';
import { alreadyExists, domainOrderHandlers, isRegistered, requestedNss } from './domain-order.js';
import { answerEach } from './items.js';
import { requireService } from './service.js';

const check: Handler = ({ account, world, params, lang }) => {
  if (!Array.isArray(params.domains) && params.domain_name === undefined && params.dname === undefined) throw new ApiError('NO_DOMAIN');
  const tlds = new Set(account.tldPrices.keys());
  return {
    domains: listObjects(params, 'domains').map((input) => {
      const name = String(input.dname ?? input.domain_name ?? '');
      const checked = checkRegistrableName(name, tlds);
      if (!checked.ok) return itemError({ dname: name }, checked.code, lang, { domain_name: name });
      if (isRegistered(world, checked.ascii)) return alreadyExists(checked.unicode, lang);
      const price = account.tldPrices.get(checked.tld);
      return { dname: checked.unicode, result: 'Available', price, renew_price: price, currency: account.currency };
    }),
  };
};

export const domainHandlers: Record<string, Handler> = {
  ...domainOrderHandlers,
  'domain/nop': (context) => {
    if (context.params.domain_name === undefined && context.params.dname === undefined) return undefined;
    return { service_id: String(requireService(context).service_id) };
  },
  'domain/get_prices': ({ account }) => {
    const prices: Record<string, Params> = {};
    for (const [tld, price] of account.tldPrices) {
      prices[toUnicodeName(tld)] = {
        reg_price: price,
        renew_price: price,
        reg_min_period: 1,
        reg_max_period: 10,
        retail_reg_price: price,
        retail_renew_price: price,
      };
    }
    return { currency: account.currency, price_group: '0', prices };
  },
  'domain/check': check,
  'domain/update_private_person_flag': (context) => {
    const flag = String(context.params.private_person_flag ?? '');
    if (flag !== '0' && flag !== '1') throw new ApiError('PARAMETER_MISSING', { param: 'private_person_flag' });
    return {
      domains: answerEach(context, 'domains', (service) => {
        if (service.servtype !== 'domain') return { error: 'DOMAIN_NOT_FOUND' };
        service.privatePerson = flag === '1';
        return {};
      }),
      pp_flag: flag === '1' ? 'is set' : 'is cleared',
    };
  },
  'domain/get_nss': (context) => ({
    domains: answerEach(context, 'domains', (service) => ({ nss: service.nss.map((ns) => ({ ns })) })),
  }),
  'domain/update_nss': (context) => {
    const nss = requestedNss(context.params);
    return {
      domains: answerEach(context, 'domains', (service) => {
        service.nss = nss;
        if (usesRegRuNss(service) && !context.account.zones.has(service.dname)) context.account.zones.set(service.dname, emptyZone());
        return {};
      }),
    };
  },
};
