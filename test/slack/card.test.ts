import { describe, expect, it } from 'vitest';
import type { OperationRecord } from '../../src/core/operations/types.js';
import { ACTION_IDS } from '../../src/slack/index.js';
import { renderCard } from '../../src/slack/render/card.js';

const NOW = new Date('2026-12-04T20:00:00Z');

function operation(overrides: Partial<OperationRecord>): OperationRecord {
  return {
    id: '0123456789abcdef0123456789abcdef',
    account: 'team',
    path: 'domain/create',
    effect: 'billing',
    input: { domain_name: 'example.ru' },
    state: 'awaiting_approval',
    preview: { headline: 'Register example.ru for 1 year', price: 1234.5, currency: 'RUR', balanceBefore: 2000, balanceAfter: 765.5, confirmWith: 'example.ru', warnings: [] },
    requestedBy: 'slack:UREQ',
    decidedBy: null,
    decidedAt: null,
    createdAt: '2026-12-04T19:00:00Z',
    updatedAt: '2026-12-04T19:00:00Z',
    expiresAt: '2026-12-04T23:00:00Z',
    attempts: 0,
    notBefore: null,
    reconciled: false,
    result: null,
    error: null,
    leaseOwner: null,
    leaseUntil: null,
    version: 1,
    meta: {},
    ...overrides,
  };
}

function buttons(blocks: unknown[]): { action_id: string; confirm?: { text: { text: string } } }[] {
  return (blocks as { type: string; elements?: { action_id: string }[] }[]).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));
}

describe('renderCard', () => {
  it('restates the amount in the confirm dialog', () => {
    const card = renderCard(operation({}), 'en', NOW);
    const approve = buttons(card.blocks).find((button) => button.action_id === ACTION_IDS.approve)!;
    expect(approve.confirm!.text.text).toMatch(/spends RUB\s1,234\.50 from the REG\.RU balance/);
    expect(JSON.stringify(card.blocks)).toMatch(/Balance\*: RUB\s2,000\.00 now, RUB\s765\.50 after payment/);
    expect(card.text).toContain('Payment waiting for approval');
  });

  it('shows the price as unknown instead of inventing one', () => {
    const card = renderCard(operation({ preview: { headline: 'Renew 12345', confirmWith: '12345', warnings: ['price not found'] } }), 'ru', NOW);
    const text = JSON.stringify(card.blocks);
    expect(text).toContain('Цена*: неизвестна');
    expect(text).toContain('price not found');
    expect(buttons(card.blocks).find((button) => button.action_id === ACTION_IDS.approve)!.confirm!.text.text).toContain('Цена неизвестна');
  });

  it('drops the buttons once the time ran out', () => {
    const card = renderCard(operation({ expiresAt: '2026-12-04T19:30:00Z' }), 'en', NOW);
    expect(buttons(card.blocks)).toHaveLength(0);
    expect(card.text).toContain('(expired)');
  });

  it('explains a failure with its code', () => {
    const failed = operation({
      state: 'failed',
      decidedBy: 'slack:UAPP',
      decidedAt: '2026-12-04T19:10:00Z',
      error: { code: 'NOT_ENOUGH_MONEY', message: 'REG.API domain/create failed with NOT_ENOUGH_MONEY', hint: 'Top up the balance.' },
    });
    const text = JSON.stringify(renderCard(failed, 'en', NOW).blocks);
    expect(text).toContain('`NOT_ENOUGH_MONEY`: The balance is too low.');
    expect(text).toContain('Next step: Top up the balance.');
    expect(text).toContain('Decided by <@UAPP>');
    expect(buttons(renderCard(failed, 'en', NOW).blocks)).toHaveLength(0);
  });

  it('names the object of a failure', () => {
    const failed = operation({
      state: 'failed',
      error: { code: 'PARAMETER_MISSING', message: 'Parameter enduser_ip is missing', hint: 'Add enduser_ip.', params: { param: 'enduser_ip' } },
    });
    expect(JSON.stringify(renderCard(failed, 'ru', NOW).blocks)).toContain('Объект: param enduser_ip');
    expect(JSON.stringify(renderCard(failed, 'en', NOW).blocks)).toContain('Object: param enduser_ip');
  });

  it('labels DNS records by whether the change happened', () => {
    const dns = { zone: 'example.ru', added: [{ subname: '_dmarc', type: 'TXT', content: 'v=DMARC1; p=none' }], removed: [], unchanged: [] };
    const base = { path: 'zone/add_txt', effect: 'write' as const, preview: { headline: 'Add', dns, confirmWith: 'example.ru', warnings: [] } };
    expect(JSON.stringify(renderCard(operation(base), 'en', NOW).blocks)).toContain('To add*');
    expect(JSON.stringify(renderCard(operation({ ...base, state: 'done' }), 'en', NOW).blocks)).toContain('*Added*');
    expect(JSON.stringify(renderCard(operation({ ...base, state: 'failed' }), 'en', NOW).blocks)).not.toContain('Added');
  });

  it('escapes text that would otherwise become Slack markup', () => {
    const card = renderCard(operation({ preview: { headline: 'Add <!channel> & more', confirmWith: 'x', warnings: [] } }), 'en', NOW);
    expect(JSON.stringify(card.blocks)).toContain('Add &lt;!channel&gt; &amp; more');
    expect(JSON.stringify(card.blocks)).not.toContain('<!channel>');
  });
});
