import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/index.js';
import { ACCOUNT_PASSWORD, APPROVER, blocksText, responseText, startHarness, type Harness } from './support/harness.js';

function countRequests(harness: Harness, path: string): number {
  return harness.sandbox.requests.filter((request) => request.path.endsWith(`/${path}`)).length;
}

/** Slack shows operation_timeout when the acknowledgement takes more than 3 seconds. */
describe('slow REG.API behind a slash command', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('acknowledges at once and answers once when REG.API takes 5 s', async () => {
    const { slack, sandbox } = harness;
    sandbox.faults.add({ path: 'zone/get_resource_records', kind: 'delay', ms: 5_000, times: 1 });
    const started = Date.now();
    const { delivery, name } = await harness.command('txt add example.ru _acme-challenge abc');
    expect(delivery.status).toBe(200);
    expect(delivery.elapsedMs).toBeLessThan(1_000);
    expect(JSON.parse(delivery.body).text).toBe('⏳ Выполняю…');
    expect(slack.responses(name)).toHaveLength(0);

    await slack.waitFor('the answer after the slow read', () => slack.responses(name).length === 1, 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    const answer = responseText(slack.responses(name)[0].body);
    expect(answer).toContain('_acme-challenge.example.ru');
    expect(answer).toContain('`abc`');

    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    const ts = (operation.meta.slackCard as { ts: string }).ts;
    sandbox.faults.add({ path: 'zone/add_txt', kind: 'delay', ms: 5_000, times: 1 });
    const click = await harness.click(ACTION_IDS.approve, operation.id, APPROVER, ts);
    expect(click.delivery.elapsedMs).toBeLessThan(1_000);
    const finished = await harness.operations.waitFor(operation.id, { timeoutMs: 20_000 });
    expect(finished.state).toBe('done');
    expect(countRequests(harness, 'zone/add_txt')).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.responses(name)).toHaveLength(1);
    expect(slack.responses(click.name)).toHaveLength(0);
  });

  it('carries the REG.API error code in the answer when the call fails', async () => {
    const { slack, sandbox } = harness;
    sandbox.faults.add({
      path: 'domain/check',
      kind: 'answer',
      times: 1,
      body: { result: 'error', error_code: 'ACCESS_DENIED_FROM_IP', error_text: 'Access denied from IP', error_params: { command_name: 'domain/check' } },
    });
    const { name } = await harness.command('check new-name.ru');
    await slack.waitFor('the error answer', () => slack.responses(name).length === 1);
    const answer = responseText(slack.responses(name)[0].body);
    expect(answer).toContain('`ACCESS_DENIED_FROM_IP`');
    expect(answer).toContain('исходящий IP сервера');
    expect(answer).toContain('command_name domain/check');
    expect(countRequests(harness, 'domain/check')).toBe(1);
  });

  it('never shows the password REG.API echoes in input_params', async () => {
    const { slack, sandbox } = harness;
    sandbox.faults.add({
      path: 'user/get_balance',
      kind: 'answer',
      times: 1,
      body: {
        result: 'error',
        error_code: 'INTERNAL_ERROR',
        error_text: 'Internal error',
        error_params: { error_detail: 'database timeout' },
        input_params: { username: 'team', password: ACCOUNT_PASSWORD },
      },
    });
    const { name } = await harness.command('balance');
    await slack.waitFor('the error answer', () => slack.responses(name).length === 1);
    const answer = JSON.stringify(slack.responses(name)[0].body);
    expect(answer).toContain('INTERNAL_ERROR');
    expect(answer).not.toContain(ACCOUNT_PASSWORD);
    expect(JSON.stringify(slack.calls)).not.toContain(ACCOUNT_PASSWORD);
  });

  it('shows a change REG.API refused per domain as failed on the card', async () => {
    const { slack, sandbox } = harness;
    const { name } = await harness.command('txt add example.ru _acme-challenge refused-token');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    const ts = (operation.meta.slackCard as { ts: string }).ts;

    sandbox.faults.add({
      path: 'zone/add_txt',
      kind: 'answer',
      times: 1,
      body: { result: 'success', answer: { domains: [{ dname: 'example.ru', result: 'error', error_code: 'DOMAIN_NOT_FOUND', error_text: 'Domain not found' }] } },
    });
    await harness.click(ACTION_IDS.approve, operation.id, APPROVER, ts);
    const finished = await harness.operations.waitFor(operation.id, { timeoutMs: 15_000 });
    expect(finished.state).toBe('failed');

    await slack.waitFor('the card edited to failed', () => slack.of('chat.update').some((call) => call.body.ts === ts && blocksText(call.body).includes('DOMAIN_NOT_FOUND')));
    const card = blocksText(slack.of('chat.update').filter((call) => call.body.ts === ts).at(-1)!.body);
    expect(card).toContain('не выполнена');
    expect(card).not.toMatch(/added|Добавлено/i);
  });
});
