/**
 * The names Slack routes on. manifest.json declares the slash command; a test checks that the app
 * registers exactly these listeners and that the manifest matches them.
 */
export const SLASH_COMMAND = '/regapi';

export const ACTION_IDS = {
  approve: 'regapi_approve',
  reject: 'regapi_reject',
  /** The confirmation button of `dns rm` without a value, which removes every value of the name and type. */
  removeAll: 'regapi_remove_all',
  servicesPage: 'regapi_services_page',
} as const;

export const VIEW_IDS = {
  /** The modal asking for a contact profile when `order` has none yet. */
  orderProfile: 'regapi_order_profile',
} as const;

/** Block ids of the order modal's inputs. */
export const ORDER_FIELDS = {
  profileType: 'profile_type',
  profileName: 'profile_name',
} as const;
