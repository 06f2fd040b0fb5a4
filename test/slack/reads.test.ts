import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/index.js';
import { defaultAccount, responseText, startHarness, type Harness } from './support/harness.js';

/** Sends a command and returns the one answer posted to its response_url. */
async function ask(harness: Harness, text: string, userId?: string): Promise<Record<string, unknown>> {
  const { name } = await harness.command(text, userId);
  await harness.slack.waitFor(`the answer to "${text}"`, () => harness.slack.responses(name).length === 1);
  return harness.slack.responses(name)[0].body;
}

describe('read commands', () => {
  let harness: Harness;
  beforeAll(async () => {
    const account = defaultAccount();
    account.domains = [...(account.domains ?? []), ...Array.from({ length: 23 }, (_, index) => `site${String(index).padStart(2, '0')}.ru`)];
    harness = await startHarness({ account, worker: false });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('checks names in one bulk request and shows price or reason', async () => {
    const before = harness.sandbox.requests.filter((request) => request.path.endsWith('/domain/check')).length;
    const answer = responseText(await ask(harness, 'check free-name.ru example.ru'));
    expect(answer).toContain(':large_green_circle: free-name.ru: свободен');
    expect(answer).toMatch(/free-name\.ru: свободен, 200,00\s₽ в год/);
    expect(answer).toContain(':red_circle: example.ru');
    expect(harness.sandbox.requests.filter((request) => request.path.endsWith('/domain/check')).length - before).toBe(1);
  });

  it('refuses an invalid name without calling REG.API', async () => {
    const before = harness.sandbox.requests.length;
    const answer = responseText(await ask(harness, 'check not_a_domain'));
    expect(answer).toContain('Неверное имя домена `not_a_domain`');
    expect(harness.sandbox.requests.length).toBe(before);
  });

  it('shows the balance only to the person who asked', async () => {
    const answer = await ask(harness, 'balance');
    expect(answer.response_type).toBe('ephemeral');
    expect(responseText(answer)).toMatch(/доступно 1\s000,00\s₽/);
  });

  it('shows the price of a TLD in Unicode or punycode', async () => {
    expect(responseText(await ask(harness, 'price ru'))).toMatch(/\*\.ru\*: регистрация 200,00\s₽/);
    expect(responseText(await ask(harness, 'price .xn--p1ai'))).toMatch(/\*\.рф\*: регистрация 150,00\s₽/);
    expect(responseText(await ask(harness, 'price nosuchzone'))).toContain('нет цены');
  });

  it('pages the services list', async () => {
    const first = await ask(harness, 'services');
    const text = responseText(first);
    expect(text).toContain('Услуги 1–20 из 25');
    const next = JSON.stringify(first.blocks);
    expect(next).toContain(ACTION_IDS.servicesPage);

    const value = (first.blocks as { type: string; elements?: { value: string }[] }[]).find((block) => block.type === 'actions')!.elements![0].value;
    const click = await harness.click(ACTION_IDS.servicesPage, value, 'UREQUESTER', '1.0');
    await harness.slack.waitFor('the second page', () => harness.slack.responses(click.name).length === 1);
    const second = harness.slack.responses(click.name)[0].body;
    expect(second.replace_original).toBe(true);
    expect(responseText(second)).toContain('Услуги 21–25 из 25');
    expect(JSON.stringify(second.blocks)).not.toContain(ACTION_IDS.servicesPage);
  });

  it('filters services', async () => {
    const text = responseText(await ask(harness, 'services пример'));
    expect(text).toContain('пример.рф (xn--e1afmkfd.xn--p1ai)');
    expect(text).toContain('1–1 из 1');
  });

  it('lists a zone', async () => {
    const text = responseText(await ask(harness, 'dns example.ru'));
    expect(text).toContain('*Зона example.ru*: 4 записи');
    expect(text).toContain('_acme-challenge TXT tokenA');
    expect(text).toContain('www A 192.0.2.10');
  });

  it('lists a zone named by service id', async () => {
    const list = await harness.core.call('service/get_list', { servtype: 'domain' }, { fresh: true });
    const services = (list.answer as { services: { dname: string; service_id: string }[] }).services;
    const serviceId = services.find((service) => service.dname === 'example.ru')!.service_id;
    const text = responseText(await ask(harness, `dns ${serviceId}`));
    expect(text).toContain('*Зона example.ru*: 4 записи');
  });

  it('answers in English after lang en, for that person only', async () => {
    expect(responseText(await ask(harness, 'lang en', 'UENGLISH'))).toContain('in English');
    expect(responseText(await ask(harness, 'check free-name.ru', 'UENGLISH'))).toMatch(/free-name\.ru: available, RUB\s200\.00 a year/);
    expect(responseText(await ask(harness, 'order example.ru 0', 'UENGLISH'))).toContain('Usage: `order DOMAIN [YEARS]`');
    expect(responseText(await ask(harness, 'check free-name.ru'))).toContain('свободен');
  });

  it('explains an empty operations list and an unknown id', async () => {
    expect(responseText(await ask(harness, 'ops'))).toContain('Операций пока нет');
    expect(responseText(await ask(harness, 'ops 0123456789abcdef0123456789abcdef'))).toContain('не найдена');
  });
});
