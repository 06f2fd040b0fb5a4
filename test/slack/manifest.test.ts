import { readFileSync } from 'node:fs';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS_PATH } from '../../src/slack/index.js';
import { LISTENERS } from '../../src/slack/listeners/index.js';
import { startHarness, type Harness } from './support/harness.js';

interface Manifest {
  features: { slash_commands: { command: string; url: string; should_escape?: boolean }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;

describe('manifest.json', () => {
  const registered: { kind: string; id: unknown }[] = [];
  let harness: Harness;

  beforeAll(async () => {
    for (const kind of ['command', 'action', 'view'] as const) {
      const original = App.prototype[kind] as (...args: unknown[]) => unknown;
      vi.spyOn(App.prototype, kind).mockImplementation(function (this: App, ...args: unknown[]) {
        registered.push({ kind, id: args[0] });
        return original.apply(this, args);
      } as never);
    }
    harness = await startHarness({ worker: false });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await harness?.close();
  });

  it('lists what the app registers', () => {
    expect(registered).toEqual(LISTENERS.map((listener) => ({ kind: listener.kind, id: listener.id })));
  });

  it('declares exactly the slash commands the app registers', () => {
    const commands = registered.filter((entry) => entry.kind === 'command').map((entry) => entry.id);
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(commands);
  });

  it('sends commands and interactivity to the events path', () => {
    for (const command of manifest.features.slash_commands) expect(new URL(command.url).pathname).toBe(EVENTS_PATH);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(EVENTS_PATH);
  });

  it('enables interactivity because the app has buttons and a modal', () => {
    expect(registered.some((entry) => entry.kind === 'action' || entry.kind === 'view')).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks only for the commands and chat:write scopes', () => {
    // commands: the slash command. chat:write: chat.postMessage, chat.update and chat.postEphemeral.
    // views.open and auth.test need no scope.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'commands']);
  });
});
