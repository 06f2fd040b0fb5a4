import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/index.js';
import { APPROVAL_CHANNEL, APPROVER, blocksText, OUTSIDER, REQUESTER, responseText, SECOND_APPROVER, startHarness, type Harness } from './support/harness.js';

/** The operation id on the Approve button of a posted card. */
function approveValue(blocks: unknown): string {
  const list = Array.isArray(blocks) ? (blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]) : [];
  const button = list.flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : [])).find((element) => element.action_id === ACTION_IDS.approve);
  if (!button?.value) throw new Error(`no Approve button in ${JSON.stringify(blocks)}`);
  return button.value;
}

function requestsTo(harness: Harness, path: string): number {
  return harness.sandbox.requests.filter((request) => request.path.endsWith(`/${path}`)).length;
}

describe('Slack approvals', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('runs an approved DNS change once and edits the card to done', async () => {
    const { slack } = harness;
    const { name } = await harness.command('txt add example.ru _dmarc "v=DMARC1; p=none"');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const answer = responseText(slack.responses(name)[0].body);
    expect(answer).toContain('v=DMARC1; p=none');
    expect(answer).toContain(`<#${APPROVAL_CHANNEL}>`);

    await slack.waitFor('the approval card', () => slack.of('chat.postMessage').length === 1);
    const card = slack.of('chat.postMessage')[0].body;
    expect(card.channel).toBe(APPROVAL_CHANNEL);
    expect(blocksText(card)).toContain('_dmarc TXT v=DMARC1; p=none');
    const id = approveValue(card.blocks);
    const operation = await harness.operations.get(id);
    expect(operation?.state).toBe('awaiting_approval');
    expect(operation?.meta.slackCard).toMatchObject({ channel: APPROVAL_CHANNEL });
    expect(requestsTo(harness, 'zone/add_txt')).toBe(0);

    const ts = (operation?.meta.slackCard as { ts: string }).ts;
    const click = await harness.click(ACTION_IDS.approve, id, APPROVER, ts);
    expect(click.delivery.status).toBe(200);
    await harness.operations.waitFor(id, { timeoutMs: 15_000 });
    await slack.waitFor('the card edited to done', () => slack.of('chat.update').some((call) => blocksText(call.body).includes('выполнена') && call.body.ts === ts));

    expect((await harness.operations.get(id))?.state).toBe('done');
    expect(requestsTo(harness, 'zone/add_txt')).toBe(1);
    const records = harness.sandbox.state('team')?.zones.get('example.ru') ?? [];
    expect(JSON.stringify(records)).toContain('v=DMARC1; p=none');
    const lastEdit = slack.of('chat.update').at(-1)!.body;
    expect(blocksText(lastEdit)).not.toContain(ACTION_IDS.approve);
    await slack.waitFor('the thread note to the requester', () =>
      slack.of('chat.postMessage').some((call) => call.body.thread_ts === ts && String(call.body.text).includes(`<@${REQUESTER}>`)),
    );
  });

  it('refuses a click by a person who is not an approver', async () => {
    const { slack } = harness;
    const { name } = await harness.command('dns add example.ru TXT outsider-test');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const card = slack.of('chat.postMessage').at(-1)!.body;
    const id = approveValue(card.blocks);
    const ts = ((await harness.operations.get(id))?.meta.slackCard as { ts: string }).ts;

    const click = await harness.click(ACTION_IDS.approve, id, OUTSIDER, ts);
    await slack.waitFor('the refusal', () => slack.responses(click.name).length === 1);
    const refusal = slack.responses(click.name)[0].body;
    expect(refusal.response_type).toBe('ephemeral');
    expect(refusal.replace_original).toBe(false);
    expect(responseText(refusal)).toContain('REGAPI_SLACK_APPROVERS');
    expect((await harness.operations.get(id))?.state).toBe('awaiting_approval');

    const reject = await harness.click(ACTION_IDS.reject, id, APPROVER, ts);
    expect(reject.delivery.status).toBe(200);
    await slack.waitFor('the card edited to rejected', () => slack.of('chat.update').some((call) => call.body.ts === ts && blocksText(call.body).includes('отклонена')));
    expect((await harness.operations.get(id))?.state).toBe('rejected');
  });

  it('lets a non-approver reject their own operation', async () => {
    const { slack } = harness;
    const { name } = await harness.command('dns add example.ru TXT withdrawn-by-requester', OUTSIDER);
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const id = approveValue(slack.of('chat.postMessage').at(-1)!.body.blocks);
    const ts = ((await harness.operations.get(id))?.meta.slackCard as { ts: string }).ts;

    const approve = await harness.click(ACTION_IDS.approve, id, OUTSIDER, ts);
    await slack.waitFor('the approval refusal', () => slack.responses(approve.name).length === 1);
    expect(responseText(slack.responses(approve.name)[0].body)).toContain('REGAPI_SLACK_APPROVERS');
    expect((await harness.operations.get(id))?.state).toBe('awaiting_approval');

    const reject = await harness.click(ACTION_IDS.reject, id, OUTSIDER, ts);
    expect(reject.delivery.status).toBe(200);
    await slack.waitFor('the card edited to rejected', () => slack.of('chat.update').some((call) => call.body.ts === ts && blocksText(call.body).includes('отклонена')));
    expect((await harness.operations.get(id))?.state).toBe('rejected');
    expect(slack.responses(reject.name)).toHaveLength(0);
  });

  it("refuses a non-approver rejecting another's operation", async () => {
    const { slack } = harness;
    const { name } = await harness.command('dns add example.ru TXT not-yours-to-reject');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const id = approveValue(slack.of('chat.postMessage').at(-1)!.body.blocks);
    const ts = ((await harness.operations.get(id))?.meta.slackCard as { ts: string }).ts;

    const reject = await harness.click(ACTION_IDS.reject, id, OUTSIDER, ts);
    await slack.waitFor('the reject refusal', () => slack.responses(reject.name).length === 1);
    expect(responseText(slack.responses(reject.name)[0].body)).toContain('REGAPI_SLACK_APPROVERS');
    expect((await harness.operations.get(id))?.state).toBe('awaiting_approval');
  });

  it('refuses self-approval of a billing operation and runs it once on double click', async () => {
    const { slack } = harness;
    const { name } = await harness.command('renew example.ru 2');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    expect(responseText(slack.responses(name)[0].body)).toContain('продлить *example.ru* на 2 года');
    const card = slack.of('chat.postMessage').at(-1)!.body;
    expect(blocksText(card)).toContain('"confirm"');
    const id = approveValue(card.blocks);
    const operation = await harness.operations.get(id);
    expect(operation?.effect).toBe('billing');
    const ts = (operation?.meta.slackCard as { ts: string }).ts;

    const self = await harness.click(ACTION_IDS.approve, id, REQUESTER, ts);
    await slack.waitFor('the self-approval refusal', () => slack.responses(self.name).length === 1);
    expect(responseText(slack.responses(self.name)[0].body)).toContain('запросили вы');
    expect((await harness.operations.get(id))?.state).toBe('awaiting_approval');

    const before = requestsTo(harness, 'service/renew');
    const [first, second] = await Promise.all([
      harness.click(ACTION_IDS.approve, id, APPROVER, ts),
      harness.click(ACTION_IDS.approve, id, SECOND_APPROVER, ts),
    ]);
    expect(first.delivery.status).toBe(200);
    expect(second.delivery.status).toBe(200);
    const done = await harness.operations.waitFor(id, { timeoutMs: 15_000 });
    expect(['done', 'done_unpaid']).toContain(done.state);
    await slack.waitFor('one refusal for the losing click', () => slack.responses(first.name).length + slack.responses(second.name).length === 1);
    const loser = [...slack.responses(first.name), ...slack.responses(second.name)][0].body;
    expect(responseText(loser)).toContain('уже принято решение');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsTo(harness, 'service/renew') - before).toBe(1);
  });

  it('runs nothing twice when Slack redelivers a click', async () => {
    const { slack } = harness;
    const { name } = await harness.command('dns add example.ru TXT redelivery-test');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const id = approveValue(slack.of('chat.postMessage').at(-1)!.body.blocks);
    const ts = ((await harness.operations.get(id))?.meta.slackCard as { ts: string }).ts;

    const first = await harness.click(ACTION_IDS.approve, id, APPROVER, ts);
    const again = await harness.click(ACTION_IDS.approve, id, APPROVER, ts, { body: first.body, retryNum: 1 });
    expect(again.delivery.status).toBe(200);
    await harness.operations.waitFor(id, { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The redelivered payload carries the first click's response_url, which got no refusal either.
    expect(slack.responses(first.name)).toHaveLength(0);
    const sent = harness.sandbox.requests.filter((request) => request.path.endsWith('/zone/add_txt') && request.rawBody.includes('redelivery-test'));
    expect(sent).toHaveLength(1);
  });

  it('answers a redelivered slash command once', async () => {
    const { slack } = harness;
    const proposalsBefore = (await harness.operations.list({ limit: 100 })).length;
    const first = await harness.command('dns add example.ru TXT command-redelivery');
    const again = await harness.command('', undefined, { body: first.body, retryNum: 1 });
    expect(again.delivery.status).toBe(200);
    await slack.waitFor('the proposal answer', () => slack.responses(first.name).length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.responses(first.name)).toHaveLength(1);
    expect((await harness.operations.list({ limit: 100 })).length - proposalsBefore).toBe(1);
  });
});
