import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/index.js';
import { APPROVAL_CHANNEL, APPROVER, responseText, startHarness, type Harness } from './support/harness.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function slashCommandEnvelope(envelopeId: string, text: string, responseUrl: string): Record<string, unknown> {
  return {
    envelope_id: envelopeId,
    type: 'slash_commands',
    accepts_response_payload: true,
    retry_attempt: 0,
    retry_reason: '',
    payload: {
      token: 'verification-token-unused',
      team_id: 'T1',
      channel_id: 'CREQUEST',
      user_id: 'UREQUESTER',
      user_name: 'urequester',
      command: '/regapi',
      text,
      api_app_id: 'A1',
      response_url: responseUrl,
      trigger_id: `trigger.${envelopeId}`,
    },
  };
}

/** Socket Mode: Slack delivers envelopes over a WebSocket that the app opens with its app-level token. */
describe('Slack app in Socket Mode', () => {
  let harness: Harness;
  let healthPort: number;
  beforeAll(async () => {
    healthPort = await freePort();
    harness = await startHarness({ socketModeHealthPort: healthPort });
    await harness.slack.waitFor('the Socket Mode connection', () => harness.slack.socketMode.connected);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('opens the connection through SLACK_API_URL', () => {
    expect(harness.app.mode).toBe('socket');
    expect(harness.slack.of('apps.connections.open')).toHaveLength(1);
  });

  it('serves /healthz on the given port', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('acknowledges a command in the envelope and answers once', async () => {
    const { slack } = harness;
    const envelope = slashCommandEnvelope('env-1', 'check free-name.ru', slack.responseUrl('socket-1'));
    slack.socketMode.deliver(envelope);
    slack.socketMode.deliver({ ...envelope, retry_attempt: 1, retry_reason: 'timeout' });

    await slack.waitFor('the acknowledgement', () => slack.socketMode.received.some((message) => message.envelope_id === 'env-1'));
    const ack = slack.socketMode.received.find((message) => message.envelope_id === 'env-1')!;
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral', text: '⏳ Выполняю…' });

    await slack.waitFor('the answer', () => slack.responses('socket-1').length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.responses('socket-1')).toHaveLength(1);
    expect(responseText(slack.responses('socket-1')[0].body)).toContain('free-name.ru: свободен');
  });

  it('runs the approval path over the socket', async () => {
    const { slack } = harness;
    slack.socketMode.deliver(slashCommandEnvelope('env-2', 'dns add example.ru TXT over-socket', slack.responseUrl('socket-2')));
    await slack.waitFor('the proposal answer', () => slack.responses('socket-2').length === 1);
    const operation = (await harness.operations.list({ states: ['awaiting_approval'] }))[0];
    const ts = (operation.meta.slackCard as { ts: string }).ts;

    slack.socketMode.deliver({
      envelope_id: 'env-3',
      type: 'interactive',
      accepts_response_payload: false,
      payload: {
        type: 'block_actions',
        user: { id: APPROVER, username: 'approver', team_id: 'T1' },
        api_app_id: 'A1',
        token: 'verification-token-unused',
        container: { type: 'message', message_ts: ts, channel_id: APPROVAL_CHANNEL, is_ephemeral: false },
        trigger_id: 'trigger.env-3',
        team: { id: 'T1', domain: 'test' },
        channel: { id: APPROVAL_CHANNEL, name: 'approvals' },
        message: { type: 'message', ts, text: 'card' },
        response_url: slack.responseUrl('socket-3'),
        actions: [{ type: 'button', action_id: ACTION_IDS.approve, block_id: `decision:${operation.id}`, value: operation.id, action_ts: '1796416200.000300' }],
      },
    });
    const finished = await harness.operations.waitFor(operation.id, { timeoutMs: 15_000 });
    expect(finished.state).toBe('done');
    expect(finished.decidedBy).toBe(`slack:${APPROVER}`);
    expect(harness.sandbox.requests.filter((request) => request.path.endsWith('/zone/add_txt') && request.rawBody.includes('over-socket'))).toHaveLength(1);
  });
});
