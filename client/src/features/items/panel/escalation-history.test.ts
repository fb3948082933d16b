import { describe, expect, it } from 'vitest';
import { makeEvent, OPERATOR } from '../testing';
import { escalationSteps } from './escalation-history';

describe('escalation history', () => {
  it('lists escalations and de-escalations in seq order with reason and the automatic flag', () => {
    const auto = { ...makeEvent(4, {}, { type: 'item.escalated', from: 'sector_lead', to: 'head', reason: 'Автоматически: срок ответа истёк', auto: true }), actor: null };
    const events = [
      makeEvent(9, {}, { type: 'item.deescalated', from: 'head', to: 'sector_lead', reason: 'Решит блок' }),
      makeEvent(1),
      auto,
      makeEvent(2, {}, { type: 'item.escalated', from: 'operator', to: 'sector_lead', reason: 'Нет ответа УК' }),
      makeEvent(3, {}, { type: 'item.risk_changed', from: 'on_time', to: 'overdue', auto: true }),
    ];
    expect(escalationSteps(events)).toEqual([
      expect.objectContaining({ seq: 2, direction: 'up', from: 'operator', to: 'sector_lead', auto: false, actor: OPERATOR }),
      expect.objectContaining({ seq: 4, direction: 'up', to: 'head', auto: true, actor: null, reason: 'Автоматически: срок ответа истёк' }),
      expect.objectContaining({ seq: 9, direction: 'down', from: 'head', to: 'sector_lead', reason: 'Решит блок', auto: false }),
    ]);
  });

  it('is empty for an item that never moved', () => {
    expect(escalationSteps([makeEvent(1)])).toEqual([]);
  });
});
