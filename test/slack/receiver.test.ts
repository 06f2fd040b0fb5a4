import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, responseText, SIGNING_SECRET, type Harness } from './support/harness.js';
import { slackSignature } from './support/signed.js';

describe('Slack receiver', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ worker: false });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('answers /healthz', async () => {
    const response = await fetch(harness.eventsUrl.replace('/slack/events', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('acknowledges help and answers in Russian by default', async () => {
    const { delivery, name } = await harness.command('help');
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body)).toMatchObject({ response_type: 'ephemeral', text: '⏳ Выполняю…' });
    await harness.slack.waitFor('the help answer', () => harness.slack.responses(name).length === 1);
    const answer = harness.slack.responses(name)[0].body;
    expect(answer.response_type).toBe('ephemeral');
    expect(responseText(answer)).toContain('/regapi check ДОМЕНЫ');
  });

  it('rejects a bad signature', async () => {
    const { delivery, name } = await harness.command('help', undefined, { signature: `v0=${'0'.repeat(64)}` });
    expect(delivery.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.slack.responses(name)).toHaveLength(0);
  });

  it('rejects a body signed with another secret', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const { delivery } = await harness.command('help', undefined, { signature: slackSignature(`${SIGNING_SECRET}x`, timestamp, 'other'), timestamp });
    expect(delivery.status).toBe(401);
  });

  it('rejects a stale timestamp even when correctly signed', async () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 10 * 60;
    const { delivery, name } = await harness.command('help', undefined, { timestamp: tenMinutesAgo });
    expect(delivery.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.slack.responses(name)).toHaveLength(0);
  });

  it('answers a malformed command with the usage line', async () => {
    const { name } = await harness.command('order example.ru 99');
    await harness.slack.waitFor('the usage answer', () => harness.slack.responses(name).length === 1);
    const text = responseText(harness.slack.responses(name)[0].body);
    expect(text).toContain('Неверный срок `99`');
    expect(text).toContain('Формат: `order ДОМЕН [ЛЕТ]`');
  });
});
