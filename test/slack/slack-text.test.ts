import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/index.js';
import { APPROVER, responseText, startHarness, type Harness } from './support/harness.js';

/** The input_data REG.API received for the add-TXT calls that carried `marker`. */
function sentTxtInputs(harness: Harness, marker: string): Record<string, unknown>[] {
  return harness.sandbox.requests
    .filter((request) => request.path.endsWith('/zone/add_txt'))
    .map((request) => JSON.parse(String(request.fields.input_data)) as Record<string, unknown>)
    .filter((input) => String(input.text).includes(marker));
}

async function proposeAndApprove(harness: Harness, text: string): Promise<string> {
  const { slack } = harness;
  const { name } = await harness.command(text);
  await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
  const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
  const ts = (operation.meta.slackCard as { ts: string }).ts;
  await harness.click(ACTION_IDS.approve, operation.id, APPROVER, ts);
  const finished = await harness.operations.waitFor(operation.id, { timeoutMs: 15_000 });
  expect(finished.state).toBe('done');
  return responseText(slack.responses(name)[0].body);
}

/** Slack delivers command text with link markup, HTML entities and typographic quotes. */
describe('command text as Slack delivers it', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('unwraps links and quotes before echoing and sending', async () => {
    const echo = await proposeAndApprove(
      harness,
      'txt add <http://example.ru|example.ru> _dmarc “v=DMARC1; p=none; rua=<mailto:dmarc@example.ru|dmarc@example.ru>”',
    );
    expect(echo).toContain('_dmarc.example.ru');
    expect(echo).toContain('`v=DMARC1; p=none; rua=mailto:dmarc@example.ru`');

    const [input] = sentTxtInputs(harness, 'DMARC1');
    expect(input.domains).toEqual([{ dname: 'example.ru' }]);
    expect(input.subdomain).toBe('_dmarc');
    expect(input.text).toBe('v=DMARC1; p=none; rua=mailto:dmarc@example.ru');
    expect(String(input.text)).not.toMatch(/[“”<>]|&amp;/);
  });

  it('decodes entities so an ampersand arrives as typed', async () => {
    const echo = await proposeAndApprove(harness, 'txt add example.ru _amp “a &amp; b”');
    // The echo is Slack markup, where & is written &amp; and shown as &.
    expect(echo).toContain('`a &amp; b`');

    const [input] = sentTxtInputs(harness, 'a & b');
    expect(input.text).toBe('a & b');
    expect(input.subdomain).toBe('_amp');
  });

  it('sends a Cyrillic domain typed in Unicode in its punycode form', async () => {
    const { slack } = harness;
    const { name } = await harness.command('txt add ПРИМЕР.РФ _check «проверка связи»');
    await slack.waitFor('the proposal answer', () => slack.responses(name).length === 1);
    const echo = responseText(slack.responses(name)[0].body);
    expect(echo).toContain('_check.пример.рф (_check.xn--e1afmkfd.xn--p1ai)');
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    expect(operation.input.domains).toEqual([{ dname: 'xn--e1afmkfd.xn--p1ai' }]);
    expect(operation.input.text).toBe('проверка связи');
  });
});
