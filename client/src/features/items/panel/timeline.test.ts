import { flatten, translator } from '@solid-primitives/i18n';
import type { CommentDto, ItemEventData } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { ru } from '../../../i18n/ru';
import type { OutboxEntry } from '../outbox';
import { makeEvent, OPERATOR } from '../testing';
import { buildTimeline, describeEvent, eventDetail, mergeEvents } from './timeline';

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

  it('tells the workflow’s events in Russian, with bodies, counts, channels and results', () => {
    const t = translator(() => flatten(ru));
    const names = {
      categoryName: () => null,
      departmentName: (id: number | null) => (id === 3 ? 'Комитет ЖКХ' : id === 4 ? 'МУП «Водоканал»' : null),
    };
    const say = (data: ItemEventData) => describeEvent(data, t, names);
    expect(say({ type: 'item.routed', from: null, to: 3, reason: null, suggested: true })).toBe('Направлено: Комитет ЖКХ (по рекомендации)');
    expect(say({ type: 'item.routed', from: 3, to: 4, reason: 'Водопровод', suggested: false })).toBe(
      'Перенаправлено: Комитет ЖКХ → МУП «Водоканал»',
    );
    expect(say({ type: 'item.answer_returned', comment: 'Укажите дату', count: 2 })).toBe('Ответ возвращён на доработку (2-й раз)');
    expect(say({ type: 'item.answer_approved', sentVia: 'pos' })).toBe('Ответ одобрен и направлен заявителю: ПОС');
    expect(say({ type: 'item.closed', result: 'resolved', mainItemId: null, note: null })).toBe('Закрыто: решено');
    expect(say({ type: 'item.closed', result: 'duplicate', mainItemId: 41, note: null })).toBe('Закрыто как дубликат №41');
    expect(say({ type: 'item.extension_requested', days: 5, reason: 'подрядчик' })).toBe('Запрошено продление на 5 дней');
    expect(say({ type: 'item.extension_declined', reason: 'Срок реален' })).toBe('Запрос продления отклонён');
    expect(say({ type: 'item.rated', score: 1, comment: null, source: 'ingest', reopened: true })).toBe(
      'Оценка заявителя: 1 из 5 (через интеграцию) — возвращено в работу',
    );
    expect(eventDetail({ type: 'item.answer_returned', comment: 'Укажите дату', count: 1 }, t)).toBe('Укажите дату');
    expect(eventDetail({ type: 'item.routed', from: 3, to: 4, reason: 'Водопровод', suggested: false }, t)).toBe('Причина: Водопровод');
    expect(eventDetail({ type: 'item.extension_declined', reason: 'Срок реален' }, t)).toBe('Причина: Срок реален');
  });
});
