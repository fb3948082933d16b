import type { ItemDto, ItemEvent, ItemEventData, ItemScope } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { EventRow } from './event.entity.js';

/** Arbitrary, fixed key of the advisory lock that orders event appends. */
const EVENT_APPEND_LOCK = 7_301_001;

/** Who caused an event: a person, or an integration (id null) named for the audit trail. */
export type EventAuthor = Pick<Actor, 'name' | 'ip'> & { id: number | null };

export interface PendingItemEvent {
  data: ItemEventData;
  item: ItemDto;
}

export function rowToEvent(row: EventRow): ItemEvent {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actorId != null ? { id: row.actorId, name: row.actorName ?? '' } : null,
    itemId: row.itemId ?? row.payload.item.id,
    data: row.payload.data,
    item: row.payload.item,
  };
}

/**
 * Appends events inside the caller's transaction. The advisory lock is held until commit,
 * so a later seq always commits later: a client that sees seq N knows every seq < N that
 * will ever exist is already visible. Call it last in a transaction to hold the lock briefly.
 */
export async function appendItemEvents(em: Em, actor: EventAuthor | null, pending: PendingItemEvent[]): Promise<ItemEvent[]> {
  if (pending.length === 0) return [];
  await em.execute('select pg_advisory_xact_lock(?)', [EVENT_APPEND_LOCK]);
  const at = new Date();
  const rows = pending.map((p) =>
    em.create(EventRow, {
      at,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      ip: actor?.ip ?? null,
      type: p.data.type,
      itemId: p.item.id,
      departmentId: p.item.departmentId,
      payload: { data: p.data, item: p.item },
    }),
  );
  await em.flush();
  return rows.map(rowToEvent);
}

/**
 * Takes the append lock that orders every stream's events, held until commit (taking it again
 * is harmless). Streams other than items (meetings) take it, then insert their own rows.
 */
export async function lockEventLog(em: Em): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?)', [EVENT_APPEND_LOCK]);
}

/** The highest committed seq. */
export async function currentSeq(em: Em): Promise<number> {
  const [row] = await em.execute<{ seq: string | null }[]>('select max(seq) as seq from event');
  return Number(row?.seq ?? 0);
}

/** Events after `sinceSeq` that the scope may see, oldest first, at most `limit`. */
export async function eventsSince(em: Em, sinceSeq: number, scope: ItemScope, limit: number): Promise<EventRow[]> {
  if (scope.kind === 'none') return [];
  // Other streams (meetings, …) share the log and its seq; item replicas skip them.
  const where =
    scope.kind === 'department'
      ? { seq: { $gt: sinceSeq }, itemId: { $ne: null }, departmentId: scope.departmentId ?? -1 }
      : { seq: { $gt: sinceSeq }, itemId: { $ne: null } };
  return em.find(EventRow, where, { orderBy: { seq: 'asc' }, limit });
}

/** The whole history of one item, oldest first. */
export async function itemTimeline(em: Em, itemId: number): Promise<EventRow[]> {
  return em.find(EventRow, { itemId }, { orderBy: { seq: 'asc' }, limit: 2000 });
}
