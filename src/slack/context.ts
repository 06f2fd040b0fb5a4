import type { Core } from '../core/core.js';
import type { Config } from '../core/config/index.js';
import type { Logger } from '../core/log.js';
import type { Operations } from '../core/operations/types.js';
import type { Store } from '../core/store/types.js';
import type { Locale } from './i18n/index.js';

/** A contact profile saved in the REG.RU account, which `domain/create` takes instead of contact fields. */
export interface OrderProfile {
  type: string;
  name: string;
}

/** Dependencies of every listener and command handler of the Slack app. */
export interface SlackDeps {
  core: Core;
  operations: Operations;
  store: Store;
  config: Config;
  logger: Logger;
  /** Language of the approval cards, which everyone in the approval channel reads. */
  channelLocale: Locale;
  /** The profile `order` uses for everyone; without it each person names one in a modal once. */
  orderProfile?: OrderProfile;
  /**
   * `enduser_ip` for `domain/create`: REG.API requires the end customer's address from partner
   * (reseller) accounts and ignores it otherwise.
   */
  orderEnduserIp?: string;
}

/** Returns the requester or approver name the operations journal records for a Slack user. */
export function slackActor(userId: string): string {
  return `slack:${userId}`;
}
