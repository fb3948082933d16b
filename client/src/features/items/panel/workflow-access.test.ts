import type { ItemAnswerDto, ItemDto, MeDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing';
import { canEditAnswer, canGiveInterim, canRate, canRequestExtension, canReview, canRoute, closeResultsFor, isReroute } from './workflow-access';

type Person = Pick<MeDto, 'id' | 'roles' | 'departmentId'>;
const operator: Person = { id: 1, roles: ['operator'], departmentId: null };
const housingExecutor: Person = { id: 2, roles: ['executor'], departmentId: 3 };
const roadsExecutor: Person = { id: 3, roles: ['executor'], departmentId: 4 };
const answer = (state: ItemAnswerDto['state'], authorId = 2, sentAt: string | null = null): ItemAnswerDto => ({
  text: 'Вывезут завтра',
  attachments: [],
  author: { id: authorId, name: 'Исполнитель' },
  state,
  updatedAt: '2025-01-10T10:00:00.000Z',
  sentAt,
  sentVia: sentAt ? 'vk' : null,
  fromItemId: null,
});

describe('workflow access in the card', () => {
  it('queue workers route open items; executors never do; an item that is or was with a body is re-routed', () => {
    expect(canRoute(operator, makeItem({ status: 'in_work' }))).toBe(true);
    expect(canRoute(operator, makeItem({ status: 'closed' }))).toBe(false);
    expect(canRoute(housingExecutor, makeItem({ status: 'routed', departmentId: 3 }))).toBe(false);
    expect(isReroute(makeItem({ status: 'routed', departmentId: 3 }))).toBe(true);
    expect(isReroute(makeItem({ status: 'in_work', departmentId: 3 }))).toBe(true); // taken back into work
    expect(isReroute(makeItem({ status: 'in_work', departmentId: null }))).toBe(false);
  });

  it('the executor of the item’s body edits its answer while it is routed; another body’s does not', () => {
    const routed = makeItem({ status: 'routed', departmentId: 3 });
    expect(canEditAnswer(housingExecutor, routed)).toBe(true);
    expect(canEditAnswer(roadsExecutor, routed)).toBe(false);
    expect(canEditAnswer(housingExecutor, makeItem({ status: 'answer_review', departmentId: 3 }))).toBe(false);
    expect(canEditAnswer(operator, makeItem({ status: 'routed', departmentId: 3, mergedIntoId: 8 }))).toBe(false);
  });

  it('review is for queue workers while a submitted answer is under review, not their own', () => {
    const review = makeItem({ status: 'answer_review', departmentId: 3, answer: answer('submitted') });
    expect(canReview(operator, review)).toBe(true);
    expect(canReview(housingExecutor, review)).toBe(false);
    expect(canReview(operator, { ...review, answer: answer('submitted', operator.id) })).toBe(false);
  });

  it('an executor asks for more time once at a time, where an extension is possible at all', () => {
    const deadlines = { extensionAvailableDays: 30 } as ItemDto['deadlines'];
    const item = makeItem({ status: 'routed', departmentId: 3, deadlines });
    expect(canRequestExtension(housingExecutor, item)).toBe(true);
    expect(canRequestExtension(housingExecutor, { ...item, deadlines: { ...deadlines!, extensionAvailableDays: null } })).toBe(false);
    const asked = { ...item, extensionRequest: { days: 5, reason: 'подрядчик', by: { id: 2, name: 'И' }, at: '' } };
    expect(canRequestExtension(housingExecutor, asked)).toBe(false);
  });

  it('an incident’s interim answer: the centre’s workers and the body’s executor, once per reopening, until answered', () => {
    const deadlines = { interimAnsweredAt: null, reopenedAt: null } as unknown as ItemDto['deadlines'];
    const routed = makeItem({ kind: 'incident', status: 'routed', departmentId: 3, deadlines });
    expect(canGiveInterim(operator, routed)).toBe(true);
    expect(canGiveInterim(housingExecutor, routed)).toBe(true);
    expect(canGiveInterim(roadsExecutor, routed)).toBe(false);
    expect(canGiveInterim(housingExecutor, { ...routed, kind: 'appeal' })).toBe(false);
    expect(canGiveInterim(operator, { ...routed, status: 'answered' })).toBe(false);
    const given = { ...routed, deadlines: { ...deadlines!, interimAnsweredAt: '2025-01-10T12:00:00.000Z' } };
    expect(canGiveInterim(housingExecutor, given)).toBe(false);
    // A low rating reopened it after that interim answer: a new one is due.
    const reopened = { ...given, status: 'in_work' as const, deadlines: { ...given.deadlines, reopenedAt: '2025-01-12T09:00:00.000Z' } };
    expect(canGiveInterim(operator, reopened)).toBe(true);
  });

  it('operators rate an answered item once per answer sent', () => {
    const answered = makeItem({ status: 'answered', answer: answer('approved', 2, '2025-01-11T10:00:00.000Z') });
    expect(canRate(operator, answered)).toBe(true);
    expect(canRate(housingExecutor, answered)).toBe(false);
    expect(canRate(operator, { ...answered, rating: { score: 4, at: '2025-01-12T10:00:00.000Z', source: 'ingest' } })).toBe(false);
  });

  it('close results follow the shared closing rule for the status', () => {
    expect(closeResultsFor(operator, makeItem({ status: 'in_work' }))).toEqual(['redirected', 'duplicate', 'spam']);
    const answered = makeItem({ status: 'answered', answer: answer('approved', 2, '2025-01-11T10:00:00.000Z') });
    expect(closeResultsFor(operator, answered)).toEqual(['resolved', 'explained']);
    expect(closeResultsFor(housingExecutor, answered)).toEqual([]);
  });
});
