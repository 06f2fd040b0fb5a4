import type { SlackCommand } from '../parse/command.js';
import { runBalance } from './balance.js';
import { runCheck } from './check.js';
import { runDnsAdd, runDnsRemove } from './dns-change.js';
import { runDnsShow } from './dns-show.js';
import { runHelp } from './help.js';
import { runLang } from './lang.js';
import { runOps } from './ops.js';
import { runOrder } from './order.js';
import { runPrice } from './price.js';
import { runRenew } from './renew.js';
import { servicesReply } from './services.js';
import type { CommandRequest, Reply } from './types.js';

/** Runs one parsed command; null means the reply comes another way (a modal was opened). */
export async function runCommand(request: CommandRequest, command: SlackCommand): Promise<Reply | null> {
  switch (command.kind) {
    case 'help':
      return runHelp(request);
    case 'check':
      return runCheck(request, command.names);
    case 'price':
      return runPrice(request, command.tld);
    case 'balance':
      return runBalance(request);
    case 'services':
      return servicesReply(request.deps, request.locale, command.filter, 0);
    case 'dns-show':
      return runDnsShow(request, command.target);
    case 'dns-add':
      return runDnsAdd(request, command.target, command.type, command.value, command.priority);
    case 'dns-remove':
      return runDnsRemove(request, command.target, command.type, command.value);
    case 'order':
      return runOrder(request, command.domain, command.years);
    case 'renew':
      return runRenew(request, command.service, command.years);
    case 'ops':
      return runOps(request, command.id);
    case 'lang':
      return runLang(request, command.lang);
  }
}
