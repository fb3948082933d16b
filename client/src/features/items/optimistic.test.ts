import { MutationId } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { newMutationId, optimisticChange } from './optimistic';
import { makeItem, OPERATOR } from './testing';

describe('optimistic changes', () => {
  it('claiming a new item shows it in work with me as assignee', () => {
    const apply = optimisticChange({ event: 'item:claim', input: { mutationId: 'x'.repeat(8), itemId: 1 } }, OPERATOR);
    expect(apply?.(makeItem())).toMatchObject({ status: 'in_work', assignee: OPERATOR, version: 1 });
  });

  it('releasing returns an item in work to the queue', () => {
    const apply = optimisticChange({ event: 'item:release', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 2 } }, OPERATOR);
    expect(apply?.(makeItem({ status: 'in_work', assignee: OPERATOR }))).toMatchObject({ status: 'new', assignee: null });
  });

  it('escalation moves one step up the ladder and stops at the top', () => {
    const apply = optimisticChange(
      { event: 'item:escalate', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, reason: 'нет ответа' } },
      OPERATOR,
    );
    expect(apply?.(makeItem()).escalationLevel).toBe('sector_lead');
    expect(apply?.(makeItem({ escalationLevel: 'curator' })).escalationLevel).toBe('curator');
  });

  it('de-escalation moves one step down and stops at the operators', () => {
    const apply = optimisticChange(
      { event: 'item:deescalate', input: { mutationId: 'x'.repeat(8), itemId: 1, version: 1, reason: 'решим сами' } },
      OPERATOR,
    );
    expect(apply?.(makeItem({ escalationLevel: 'head' })).escalationLevel).toBe('sector_lead');
    expect(apply?.(makeItem()).escalationLevel).toBe('operator');
  });

  it('extension and interim answer leave the new deadlines to the server', () => {
    const base = { mutationId: 'x'.repeat(8), itemId: 1, version: 1 };
    expect(optimisticChange({ event: 'item:extend', input: { ...base, days: 30, reason: 'запрос в РСО' } }, OPERATOR)).toBeNull();
    expect(optimisticChange({ event: 'item:interim', input: { ...base, text: 'Работы начаты' } }, OPERATOR)).toBeNull();
  });

  it('comments predict nothing about the item', () => {
    expect(optimisticChange({ event: 'item:comment', input: { mutationId: 'x'.repeat(8), itemId: 1, text: 'a' } }, OPERATOR)).toBeNull();
  });

  it('mutation ids satisfy the shared schema and do not repeat', () => {
    const ids = new Set(Array.from({ length: 100 }, newMutationId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(MutationId.safeParse(id).success).toBe(true);
  });
});
