import { escapeSlackText } from '../parse/slack-text.js';
import { proposeFromSlack } from './propose.js';
import { readServiceTarget } from './target.js';
import type { CommandRequest, Reply } from './types.js';

/** `renew DOMAIN|SERVICE_ID [YEARS]`: proposes `service/renew`, naming the domain or the service id. */
export async function runRenew(request: CommandRequest, serviceText: string, years: number): Promise<Reply> {
  const { t } = request;
  const target = readServiceTarget(serviceText);
  if (!target) return { text: t.problem_badService({ value: escapeSlackText(serviceText) }) };

  const input = target.kind === 'service' ? { service_id: target.serviceId, period: years } : { domain_name: target.domain, period: years };
  const shown = target.kind === 'service' ? target.serviceId : target.display;
  return proposeFromSlack(request, { path: 'service/renew', input, echo: t.echo_renew({ service: escapeSlackText(shown), years }) });
}
