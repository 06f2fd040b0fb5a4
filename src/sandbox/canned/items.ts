import type { Lang } from '../messages.js';
import { itemError, type Params } from '../protocol.js';
import { identificationOf, listObjects } from '../model/identify.js';
import { toAsciiName, toUnicodeName } from '../model/names.js';

/** The fake service ids the test account uses, in the order REG.API's examples show them. */
export const TEST_SERVICE_IDS = [12345, 12346, 12347, 12348];

/**
 * Answers each object of a list call the way the test account does: inputs are validated like on a
 * real account (a missing name is NO_DOMAIN, a non-numeric id INVALID_SERVICE_ID), and every valid
 * object succeeds with a fake id, because the test account looks nothing up and changes nothing.
 */
export function cannedEach(
  params: Params,
  field: string,
  lang: Lang,
  extra: (dname: string, index: number) => Params = () => ({}),
  options: { serviceIdAsString?: boolean } = {},
): Params[] {
  return listObjects(params, field).map((input, index) => {
    const echo = identificationOf(input);
    const serviceId = input.service_id === undefined ? '' : String(input.service_id).trim();
    if (serviceId !== '' && !/^\d+$/.test(serviceId)) return itemError(echo, 'INVALID_SERVICE_ID', lang);
    const name = String(input.dname ?? input.domain_name ?? '').trim();
    if (serviceId === '' && name === '' && input.user_servid === undefined) {
      return itemError(Object.keys(echo).length > 0 ? echo : { ...input }, 'NO_DOMAIN', lang);
    }
    if (name !== '' && toAsciiName(name) === '') return itemError({ dname: name }, 'INVALID_DOMAIN_NAME_FORMAT', lang, { domain_name: name });
    const dname = name === '' ? `test${TEST_SERVICE_IDS[index % TEST_SERVICE_IDS.length]}.ru` : toUnicodeName(name);
    const id = serviceId !== '' ? Number(serviceId) : TEST_SERVICE_IDS[index % TEST_SERVICE_IDS.length]!;
    return {
      dname,
      result: 'success',
      service_id: options.serviceIdAsString ? String(id) : id,
      servtype: String(input.servtype ?? 'domain'),
      ...extra(dname, index),
    };
  });
}
