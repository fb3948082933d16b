import type { CommentDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../outbox';
import { makeEvent, OPERATOR } from '../testing';
import { buildTimeline, mergeEvents } from './timeline';

const comment: CommentDto = {
  id: 5,
  itemId: 1,
  author: OPERATOR,
  text: 'Позвонили в УК',
  createdAt: '2025-01-10T09:00:03.000Z',
};

describe('timeline', () => {
  it('merges fetched and live events by seq without duplicates, oldest first', () => {
    const merged = mergeEvents([makeEvent(3), makeEvent(1)], [makeEvent(3), makeEvent(2)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('shows a comment once when both its event and the comment list carry it', () => {
    const events = [makeEvent(1), makeEvent(3, {}, { type: 'item.commented', comment })];
    const entries = buildTimeline(events, [comment], [], 1, OPERATOR, true);
    expect(entries.map((e) => e.kind)).toEqual(['event', 'event']);
  });

  it('keeps comments that have no event, in time order', () => {
    const entries = buildTimeline([makeEvent(1), makeEvent(9)], [comment], [], 1, OPERATOR, true);
    expect(entries.map((e) => e.key)).toEqual(['e1', 'c5', 'e9']);
  });

  it('appends this item’s unsent comments, marking only the outbox head as sending', () => {
    const pending = (mutationId: string, itemId: number, text: string): OutboxEntry => ({
      mutationId,
      itemId,
      call: { event: 'item:comment', input: { mutationId, itemId, text } },
      baseVersion: 1,
      queuedAt: Date.UTC(2025, 0, 10, 10),
    });
    const outbox = [pending('aaaaaaaa1', 1, 'первый'), pending('aaaaaaaa2', 2, 'чужой'), pending('aaaaaaaa3', 1, 'второй')];
    const entries = buildTimeline([makeEvent(1)], [], outbox, 1, OPERATOR, true);
    expect(entries.filter((e) => e.kind === 'pending').map((e) => e.kind === 'pending' && [e.text, e.sending])).toEqual([
      ['первый', true],
      ['второй', false],
    ]);
    const offline = buildTimeline([], [], outbox, 1, OPERATOR, false);
    expect(offline.every((e) => e.kind !== 'pending' || !e.sending)).toBe(true);
  });
});
