import type { ItemAnswerDto, ItemDeadlinesDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing';
import { deadlineOutcome, isDeadlineTracked } from './deadline-outcome';

const deadlines = {
  atRiskAt: '2026-11-24T03:00:00.000Z',
  dueAt: '2026-11-24T05:31:35.000Z',
  interimAnsweredAt: null,
  reopenedAt: null,
} as Partial<ItemDeadlinesDto> as ItemDeadlinesDto;
const sent = (sentAt: string | null): ItemAnswerDto => ({
  text: 'Устранено',
  attachments: [],
  author: { id: 2, name: 'Исполнитель' },
  state: 'approved',
  updatedAt: '2026-11-23T10:00:00.000Z',
  sentAt,
  sentVia: sentAt ? 'vk' : null,
  fromItemId: null,
});

describe('the deadline of an item in the card', () => {
  it('is tracked while the item is open, and no longer once answered or closed', () => {
    expect(isDeadlineTracked(makeItem({ status: 'routed', deadlines }))).toBe(true);
    expect(isDeadlineTracked(makeItem({ status: 'answered', deadlines }))).toBe(false);
    expect(isDeadlineTracked(makeItem({ status: 'closed', deadlines }))).toBe(false);
    expect(isDeadlineTracked(makeItem({ status: 'routed', deadlines: null }))).toBe(false);
  });

  it('an answered or closed item tells whether its answer went out on time or late', () => {
    const onTime = makeItem({ status: 'answered', deadlines, answer: sent('2026-11-24T05:31:35.000Z') });
    expect(deadlineOutcome(onTime)).toEqual({ answeredAt: '2026-11-24T05:31:35.000Z', late: false });
    const late = makeItem({ status: 'closed', deadlines, answer: sent('2026-11-24T05:31:35.001Z') });
    expect(deadlineOutcome(late)).toEqual({ answeredAt: '2026-11-24T05:31:35.001Z', late: true });
  });

  it('says nothing while the deadline is tracked, without an answer sent, or for an answer from before a reopening', () => {
    expect(deadlineOutcome(makeItem({ status: 'routed', deadlines, answer: sent('2026-11-23T10:00:00.000Z') }))).toBeNull();
    expect(deadlineOutcome(makeItem({ status: 'closed', deadlines, answer: null }))).toBeNull();
    expect(deadlineOutcome(makeItem({ status: 'closed', deadlines, answer: sent(null) }))).toBeNull();
    const reopened = { ...deadlines, reopenedAt: '2026-11-23T12:00:00.000Z' };
    expect(deadlineOutcome(makeItem({ status: 'closed', deadlines: reopened, answer: sent('2026-11-23T10:00:00.000Z') }))).toBeNull();
  });
});
