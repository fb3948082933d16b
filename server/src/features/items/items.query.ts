import { IsolationLevel } from '@mikro-orm/core';
import type { CommentDto, ItemDto, ItemEvent, ItemListQuery, ItemSnapshot, UserRef } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { answerAttachmentsOf, answerRowsOf, toAnswerDto } from '../answers/answer-dto.js';
import { latestRatingsOf } from '../closing/rating-dto.js';
import { currentSeq, itemTimeline, rowToEvent } from '../events/event-log.js';
import { loadVisibleItem, scopeOf } from './item-access.js';
import { maskItem, toItemDto, userRefs } from './item.dto.js';
import { Comment, type Item } from './item.entity.js';
import { visibleItemDtos } from './snapshot-rows.js';
import { sourceCodes } from './source-codes.js';

/**
 * The DTOs of loaded items with their answers, files and ratings: one query per table whatever
 * the number of items (an import's 20k included). `known` saves looking up people already at hand.
 */
export async function toDtos(em: Em, items: Item[], masked: boolean, known?: Map<number, UserRef>): Promise<ItemDto[]> {
  const ids = items.map((i) => i.id);
  const [answers, ratings, sources] = await Promise.all([
    answerRowsOf(em, ids),
    latestRatingsOf(em, ids),
    sourceCodes(em, items.map((i) => i.sourceId)),
  ]);
  const people = [...items.map((i) => i.assigneeId), ...[...answers.values()].map((a) => a.author_id)].filter((id) => id == null || !known?.has(id));
  const [found, files] = await Promise.all([userRefs(em, people), answerAttachmentsOf(em, [...answers.keys()])]);
  const users = known ? new Map([...known, ...found]) : found;
  return items.map((i) => {
    const answer = answers.get(i.id);
    const dto = toItemDto(i, {
      source: sources.get(i.sourceId) ?? '',
      assignee: i.assigneeId != null ? (users.get(i.assigneeId) ?? { id: i.assigneeId, name: '' }) : null,
      answer: answer ? toAnswerDto(answer, files.get(i.id) ?? [], users) : null,
      rating: ratings.get(i.id) ?? null,
    });
    return masked ? maskItem(dto) : dto;
  });
}

/**
 * The items an actor may see and the event seq they reflect, read in one
 * repeatable-read transaction so that applying events after `seq` is exact. `now` is the
 * node's clock, which clients use as their offset for deadlines.
 */
export async function itemSnapshot(orm: Orm, actor: Actor, query: ItemListQuery, now: Date = new Date()): Promise<ItemSnapshot> {
  return orm.em.fork().transactional(
    async (em) => {
      const seq = await currentSeq(em);
      const scope = scopeOf(actor);
      const dtos = await visibleItemDtos(em, scope, query);
      const masked = scope.kind === 'all' && scope.masked;
      return { seq, now: now.toISOString(), items: masked ? dtos.map(maskItem) : dtos };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}

export interface ItemDetails {
  item: ItemDto;
  comments: CommentDto[];
  events: ItemEvent[];
}

/** One item with its comments and its whole timeline from the event log. */
export async function itemDetails(orm: Orm, actor: Actor, itemId: number): Promise<ItemDetails> {
  const em = orm.em.fork();
  const item = await loadVisibleItem(em, actor, itemId);
  const scope = scopeOf(actor);
  const masked = scope.kind === 'all' && scope.masked;
  const [[dto], comments, rows] = await Promise.all([
    toDtos(em, [item], masked),
    em.find(Comment, { itemId }, { orderBy: { id: 'asc' } }),
    itemTimeline(em, itemId),
  ]);
  const authors = await userRefs(em, comments.map((c) => c.authorId));
  return {
    item: dto!,
    comments: comments.map((c) => ({
      id: c.id,
      itemId: c.itemId,
      author: authors.get(c.authorId) ?? { id: c.authorId, name: '' },
      text: c.text,
      createdAt: c.createdAt.toISOString(),
    })),
    events: rows.map(rowToEvent).map((e) => (masked ? { ...e, item: maskItem(e.item) } : e)),
  };
}
