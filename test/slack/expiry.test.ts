import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/index.js';
import { APPROVER, blocksText, startHarness, type Harness } from './support/harness.js';

const EXPIRY_MS = 1_500;

describe('expired approval cards', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ approvalExpiryMs: EXPIRY_MS });
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function propose(value: string): Promise<{ id: string; ts: string }> {
    const { slack } = harness;
    const { name } = await harness.command(`dns add example.ru TXT ${value}`);
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] })).find((candidate) => candidate.input.text === value)!;
    return { id: operation.id, ts: (operation.meta.slackCard as { ts: string }).ts };
  }

  it('cannot be approved after the operation expired', async () => {
    const { slack } = harness;
    const { id, ts } = await propose('late-approval');
    await new Promise((resolve) => setTimeout(resolve, EXPIRY_MS + 200));

    const click = await harness.click(ACTION_IDS.approve, id, APPROVER, ts);
    await slack.waitFor('the refusal', () => slack.responses(click.name).length === 1);
    expect(String(slack.responses(click.name)[0].body.text)).toContain('Срок операции истёк');
    expect((await harness.operations.get(id))?.state).toBe('expired');

    await slack.waitFor('the card without buttons', () => slack.of('chat.update').some((call) => call.body.ts === ts && blocksText(call.body).includes('просрочена')));
    const card = blocksText(slack.of('chat.update').filter((call) => call.body.ts === ts).at(-1)!.body);
    expect(card).not.toContain(ACTION_IDS.approve);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.sandbox.requests.filter((request) => request.rawBody.includes('late-approval') && request.path.endsWith('/zone/add_txt'))).toHaveLength(0);
  });

  it('loses its buttons when the expiry check runs', async () => {
    const { slack } = harness;
    const { id, ts } = await propose('never-clicked');
    await new Promise((resolve) => setTimeout(resolve, EXPIRY_MS + 200));
    // The worker's loop expires stale operations too; whichever runs first, the operation ends expired once.
    await harness.operations.expirePending();
    expect((await harness.operations.get(id))?.state).toBe('expired');
    await slack.waitFor('the card edited to expired', () => slack.of('chat.update').some((call) => call.body.ts === ts && blocksText(call.body).includes('просрочена')));
    expect(blocksText(slack.of('chat.update').filter((call) => call.body.ts === ts).at(-1)!.body)).not.toContain(ACTION_IDS.reject);
  });
});
