import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '../../src/slack/index.js';
import { APPROVAL_CHANNEL, APPROVER, blocksText, REQUESTER, responseText, SIGNING_SECRET, startHarness, type Harness } from './support/harness.js';
import { sendToSlackApp } from './support/signed.js';

function viewSubmissionBody(userId: string, view: Record<string, unknown>, values: { type: string; name: string }): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'test' },
    user: { id: userId, username: userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token-unused',
    trigger_id: 'trigger.view.1',
    view: {
      id: 'V1',
      hash: `hash-${Date.now()}`,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: {
        values: {
          profile_type: { profile_type: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: values.type }, value: values.type } } },
          profile_name: { profile_name: { type: 'plain_text_input', value: values.name } },
        },
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function approveLatest(harness: Harness): Promise<string> {
  const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
  const ts = (operation.meta.slackCard as { ts: string }).ts;
  await harness.click(ACTION_IDS.approve, operation.id, APPROVER, ts);
  const finished = await harness.operations.waitFor(operation.id, { timeoutMs: 15_000 });
  return finished.state;
}

describe('DNS removal in Slack', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('removes exactly the value named and nothing else', async () => {
    const { slack } = harness;
    const { name } = await harness.command('dns rm _acme-challenge.example.ru TXT tokenA');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    expect(responseText(slack.responses(name)[0].body)).toContain('`tokenA`');
    expect(await approveLatest(harness)).toBe('done');

    const sent = harness.sandbox.requests.filter((request) => request.path.endsWith('/zone/remove_record'));
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0].fields.input_data))).toMatchObject({ subdomain: '_acme-challenge', record_type: 'TXT', content: 'tokenA' });
    const zone = JSON.stringify(harness.sandbox.state('team')?.zones.get('example.ru'));
    expect(zone).toContain('tokenB');
    expect(zone).toContain('v=spf1 -all');
    expect(zone).not.toContain('tokenA');
  });

  it('asks for a button press before removing every value', async () => {
    const { slack } = harness;
    const added = await harness.command('txt add example.ru _acme-challenge tokenC');
    await slack.waitFor('the proposal', () => slack.responses(added.name).length === 1);
    expect(await approveLatest(harness)).toBe('done');
    const proposalsBefore = (await harness.operations.list({ limit: 100 })).length;

    const { name } = await harness.command('dns rm example.ru _acme-challenge TXT');
    await slack.waitFor('the confirmation question', () => slack.responses(name).length === 1);
    const question = slack.responses(name)[0].body;
    expect(responseText(question)).toContain('все 2 записи TXT');
    expect(responseText(question)).toContain('tokenB');
    expect(responseText(question)).toContain('tokenC');
    expect((await harness.operations.list({ limit: 100 })).length).toBe(proposalsBefore);

    const button = (question.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((block) => block.type === 'actions')!.elements![0];
    expect(button.action_id).toBe(ACTION_IDS.removeAll);
    const click = await harness.click(ACTION_IDS.removeAll, button.value, REQUESTER, '1.0');
    await slack.waitFor('the proposal after the button', () => slack.responses(click.name).length === 1);
    expect(slack.responses(click.name)[0].body.replace_original).toBe(true);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    expect(operation.preview?.dns?.removed.map((record) => record.content).sort()).toEqual(['tokenB', 'tokenC']);

    expect(await approveLatest(harness)).toBe('done');
    const zone = JSON.stringify(harness.sandbox.state('team')?.zones.get('example.ru'));
    expect(zone).not.toContain('_acme-challenge');
    expect(zone).toContain('v=spf1 -all');
  });

  it('takes a service id in place of the domain', async () => {
    const { slack } = harness;
    const list = await harness.core.call('service/get_list', { servtype: 'domain' }, { fresh: true });
    const services = (list.answer as { services: { dname: string; service_id: string }[] }).services;
    const serviceId = services.find((service) => service.dname === 'example.ru')!.service_id;
    const { name } = await harness.command(`dns add ${serviceId} _sid TXT by-service-id`);
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    expect(responseText(slack.responses(name)[0].body)).toContain('*_sid.example.ru*');
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    expect(operation.input).toMatchObject({ domains: [{ dname: 'example.ru' }], subdomain: '_sid', text: 'by-service-id' });
    await harness.operations.reject(operation.id, { by: 'slack:UAPPROVER', tier: 'slack' });
  });

  it('says so when the card cannot be posted', async () => {
    const { slack } = harness;
    slack.failNext('chat.postMessage', 'not_in_channel');
    const { name } = await harness.command('dns add example.ru TXT no-card');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const answer = responseText(slack.responses(name)[0].body);
    expect(answer).toContain('не удалось опубликовать');
    expect(answer).toContain('regapi2 ops approve');
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    expect(operation.meta.slackCard).toBeUndefined();
    await harness.operations.reject(operation.id, { by: 'slack:UAPPROVER', tier: 'slack' });
  });

  it('sends nothing when the record to add already exists', async () => {
    const { slack } = harness;
    const before = (await harness.operations.list({ limit: 100 })).length;
    const { name } = await harness.command('dns add example.ru www A 192.0.2.10');
    await slack.waitFor('the answer', () => slack.responses(name).length === 1);
    expect(responseText(slack.responses(name)[0].body)).toContain('Такая запись в зоне уже есть');
    expect((await harness.operations.list({ limit: 100 })).length).toBe(before);
  });
});

describe('domain orders in Slack', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('asks for a contact profile once, then orders with it', async () => {
    const { slack, sandbox } = harness;
    const { name } = await harness.command('order newsite.ru 2');
    await slack.waitFor('the profile form', () => slack.of('views.open').length === 1);
    const view = slack.of('views.open')[0].body.view as Record<string, unknown>;
    expect(view.callback_id).toBe(VIEW_IDS.orderProfile);
    expect(slack.responses(name)).toHaveLength(0);

    const submitted = await sendToSlackApp(harness.eventsUrl, viewSubmissionBody(REQUESTER, view, { type: 'RU.PP', name: 'main' }), { secret: SIGNING_SECRET });
    expect(submitted.status).toBe(200);
    await slack.waitFor('the ephemeral proposal', () => slack.of('chat.postEphemeral').length === 1);
    const ephemeral = slack.of('chat.postEphemeral')[0].body;
    expect(ephemeral.user).toBe(REQUESTER);
    expect(String(ephemeral.text)).toContain('зарегистрировать *newsite.ru* на 2 года');
    expect(String(ephemeral.text)).toContain('RU.PP “main”');

    const card = slack.of('chat.postMessage').find((call) => call.body.channel === APPROVAL_CHANNEL)!.body;
    expect(blocksText(card)).toContain('Оплата ждёт подтверждения');
    expect(blocksText(card)).toMatch(/Цена\*: 400,00/);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    expect(operation.input).toMatchObject({ domain_name: 'newsite.ru', period: 2, profile_type: 'RU.PP', profile_name: 'main' });

    const state = await approveLatest(harness);
    expect(['done', 'done_unpaid'], JSON.stringify((await harness.operations.get(operation.id))?.error)).toContain(state);
    const orders = sandbox.requests.filter((request) => request.path.endsWith('/domain/create'));
    expect(orders).toHaveLength(1);
    expect(JSON.parse(String(orders[0].fields.input_data)).user_servid).toBe(operation.id);

    const again = await harness.command('order second-site.ru');
    await slack.waitFor('the second proposal', () => slack.responses(again.name).length === 1);
    expect(slack.of('views.open')).toHaveLength(1);
    expect(responseText(slack.responses(again.name)[0].body)).toContain('second-site.ru');
  });

  it('renews by service id with the price on the card', async () => {
    const { slack } = harness;
    const list = await harness.core.call('service/get_list', { servtype: 'domain' }, { fresh: true });
    const services = (list.answer as { services: { dname: string; service_id: string }[] }).services;
    const serviceId = services.find((service) => service.dname === 'example.ru')!.service_id;
    const { name } = await harness.command(`renew ${serviceId} 3`);
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    expect(responseText(slack.responses(name)[0].body)).toContain(`продлить *${serviceId}* на 3 года`);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    expect(operation.path).toBe('service/renew');
    expect(operation.input).toMatchObject({ service_id: serviceId, period: 3 });
    const card = slack.of('chat.postMessage').filter((call) => call.body.channel === APPROVAL_CHANNEL).at(-1)!.body;
    expect(blocksText(card)).toMatch(/Цена\*: 600,00/);
    await harness.operations.reject(operation.id, { by: 'slack:UAPPROVER', tier: 'slack' });
  });

  it('lists the operations with their state', async () => {
    const { slack } = harness;
    const { name } = await harness.command('ops');
    await slack.waitFor('the list', () => slack.responses(name).length === 1);
    const list = responseText(slack.responses(name)[0].body);
    expect(list).toContain('ждёт подтверждения');
    expect(list).toMatch(/выполнена/);
    const id = /`([0-9a-f]{32})`/.exec(list)![1];
    const detail = await harness.command(`ops ${id.toUpperCase()}`);
    await slack.waitFor('the detail', () => slack.responses(detail.name).length === 1);
    expect(responseText(slack.responses(detail.name)[0].body)).toContain(`*Операция \`${id}\`*`);
  });
});
