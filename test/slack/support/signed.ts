import { createHmac } from 'node:crypto';

export interface SlackDelivery {
  status: number;
  body: string;
  /** Milliseconds from sending the request to the end of the answer. */
  elapsedMs: number;
}

/** Signs a body exactly as Slack does: `v0=` + HMAC-SHA256 over `v0:TIMESTAMP:BODY` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replaces the computed signature (for a bad-signature test). */
  signature?: string;
  retryNum?: number;
}

/** Posts a form body to the app's /slack/events as Slack would, signed with the given secret. */
export async function sendToSlackApp(url: string, body: string, options: SendOptions): Promise<SlackDelivery> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text, elapsedMs: Date.now() - started };
}

let triggerCounter = 0;

/** The form body of a slash command as Slack sends it. */
export function slashCommandBody(fields: { text: string; userId: string; channelId?: string; responseUrl: string; triggerId?: string }): string {
  triggerCounter += 1;
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: fields.channelId ?? 'CREQUEST',
    channel_name: 'ops',
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: '/regapi',
    text: fields.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger.${Date.now()}.${triggerCounter}`,
  }).toString();
}

let actionCounter = 0;

/** The form body (`payload=JSON`) of a button click on a message, as Slack sends it. */
export function buttonClickBody(fields: {
  actionId: string;
  value: string;
  userId: string;
  channelId: string;
  messageTs: string;
  responseUrl: string;
  actionTs?: string;
}): string {
  actionCounter += 1;
  const payload = {
    type: 'block_actions',
    user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: fields.messageTs, channel_id: fields.channelId, is_ephemeral: false },
    trigger_id: `trigger.action.${actionCounter}`,
    team: { id: 'T1', domain: 'test' },
    channel: { id: fields.channelId, name: 'approvals' },
    message: { type: 'message', ts: fields.messageTs, text: 'card' },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'decision',
        value: fields.value,
        action_ts: fields.actionTs ?? `${Math.floor(Date.now() / 1000)}.${String(actionCounter).padStart(6, '0')}`,
        text: { type: 'plain_text', text: 'button' },
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
