export { createSlackApp, createApprovalNotifier, slackNotifiers, createSlackClient, checkSlackConfig, EVENTS_PATH, HEALTH_PATH, type CreateSlackAppOptions, type SlackApp } from './app.js';
export { SlackApprovalNotifier, cardLocation, type CardLocation } from './notifier.js';
export { SLASH_COMMAND, ACTION_IDS, VIEW_IDS } from './ids.js';
export type { OrderProfile, SlackDeps } from './context.js';
