import { IsolationLevel, type FilterQuery } from '@mikro-orm/core';
import type { CommentDto, ItemDto, ItemEvent, ItemListQuery, ItemSnapshot } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { currentSeq, itemTimeline, rowToEvent } from '../events/event-log.js';
import { loadVisibleItem, scopeOf } from './item-access.js';
import { maskItem, toItemDto, userRefs } from './item.dto.js';
import { Comment, Item } from './item.entity.js';
import { sourceCodes } from './source-codes.js';

function visibleItemsFilter(actor: Actor, query: ItemListQuery): FilterQuery<Item> | null {
  const scope = scopeOf(actor);
  if (scope.kind === 'none') return null;
  const closedSince = new Date(Date.now() - query.includeClosedDays * 86_400_000);
  const where: FilterQuery<Item> & Record<string, unknown> = {
    $or: [{ status: { $ne: 'closed' } }, { updatedAt: { $gte: closedSince } }],
  };
  if (scope.kind === 'department') where.departmentId = scope.departmentId ?? -1;
  if (query.status) where.status = query.status;
  if (query.kind) where.kind = query.kind;
  if (query.sector) where.sector = query.sector;
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.$and = [{ $or: [{ title: { $ilike: like } }, { text: { $ilike: like } }, { address: { $ilike: like } }] }];
  }
  return where;
}

export async function toDtos(em: Em, items: Item[], masked: boolean): Promise<ItemDto[]> {
  const [users, sources] = await Promise.all([
    userRefs(em, items.map((i) => i.assigneeId)),
    sourceCodes(em, items.map((i) => i.sourceId)),
  ]);
  return items.map((i) => {
    const dto = toItemDto(i, sources.get(i.sourceId) ?? '', users);
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
      const where = visibleItemsFilter(actor, query);
      const items = where ? await em.find(Item, where, { orderBy: { receivedAt: 'desc' }, limit: query.limit }) : [];
      const scope = scopeOf(actor);
      const dtos = await toDtos(em, items, scope.kind === 'all' && scope.masked);
      return { seq, now: now.toISOString(), items: dtos };
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
