import type { OperationRecord } from '../../core/operations/types.js';
import { slackActor } from '../context.js';
import { cardLocation } from '../notifier.js';
import type { CommandRequest, Reply } from './types.js';

export interface ProposalRequest {
  path: string;
  input: Record<string, unknown>;
  /** The app's reading of the command, shown before anything is proposed. */
  echo: string;
}

/**
 * Proposes a write for approval and tells the person where it waits. The write itself runs only after
 * an approver's decision, through the queue; nothing is sent to REG.API here except the preview's reads.
 */
export async function proposeFromSlack(request: CommandRequest, proposal: ProposalRequest): Promise<Reply> {
  const { deps, t } = request;
  if (deps.config.readOnly) return { text: `${proposal.echo}\n${t.problem_readOnly()}` };

  const operation: OperationRecord = await deps.operations.propose({
    path: proposal.path,
    input: proposal.input,
    requestedBy: slackActor(request.userId),
    meta: { slackRequest: { channel: request.channelId, user: request.userId } },
  });
  const channel = deps.config.slack.approvalChannel;
  if (!channel) return { text: `${proposal.echo}\n${t.problem_noApprovalChannel({ id: operation.id })}` };

  // The notifier posts the card while proposing; a failure there (the bot not in the channel) is only logged.
  const stored = await deps.operations.get(operation.id);
  const posted = stored !== null && cardLocation(stored) !== undefined;
  const where = posted ? t.proposed({ id: operation.id, channel: `<#${channel}>` }) : t.problem_cardNotPosted({ id: operation.id, channel: `<#${channel}>` });
  return { text: `${proposal.echo}\n${where}` };
}
