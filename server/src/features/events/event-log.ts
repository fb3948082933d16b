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
  /** The department that had the item before this change took it away (re-routing), if any. */
  previousDepartmentId?: number | null;
}

/**
 * The department each freshly appended event took its item away from, for the publisher only:
 * clients' ItemEvent stays as it is, the log keeps it in `previous_department_id`.
 */
const previousDepartments = new WeakMap<ItemEvent, number>();

/** The department an event just appended in this process took its item away from, or null. */
export function previousDepartmentOf(event: ItemEvent): number | null {
  return previousDepartments.get(event) ?? null;
}

/** A department that lost the item, unless the item stays with it. */
function lostBy(p: PendingItemEvent): number | null {
  const previous = p.previousDepartmentId ?? null;
  return previous != null && previous !== p.item.departmentId ? previous : null;
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

/** Text as a SQL literal, written as libpq's PQescapeLiteral does: safe whatever the text holds. */
const literal = (text: string): string => `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
const textOrNull = (text: string | null | undefined): string => (text == null ? 'null' : literal(text));
function intOrNull(value: number | null | undefined): string {
  if (value == null) return 'null';
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer id: ${value}`);
  return String(value);
}

/**
 * The pending events as SQL rows, in order (`n`), from one JSON literal. SQL that carries it goes
 * to em.execute without parameters: the ORM then sends the text as it is, instead of scanning
 * megabytes of JSON for `?` placeholders and escaping values character by character.
 */
function pendingRows(pending: PendingItemEvent[]): string {
  const rows = pending.map((p) => ({
    type: p.data.type,
    item_id: p.item.id,
    department_id: p.item.departmentId,
    previous_department_id: lostBy(p),
    payload: { data: p.data, item: p.item },
  }));
  return `rows from (jsonb_to_recordset(${literal(JSON.stringify(rows))}::jsonb)
      as (type text, item_id int, department_id int, previous_department_id int, payload jsonb))
    with ordinality as r(type, item_id, department_id, previous_department_id, payload, n)`;
}

/** From this many events on, the rows are parsed into a temporary table before the lock is taken. */
const STAGE_FROM = 100;
let stages = 0;

/**
 * Appends events inside the caller's transaction. The advisory lock is held until commit,
 * so a later seq always commits later: a client that sees seq N knows every seq < N that
 * will ever exist is already visible. Call it last in a transaction to hold the lock briefly.
 *
 * However many events, they go in ONE insert, and the costly part happens before the lock: the
 * rows' JSON, and for a big batch (an import appends ~20k) Postgres parsing it into a temporary
 * table, so that under the lock only a copy from that table remains. (An ORM flush of an entity
 * per row, under the lock, made everyone else's mutations wait seconds behind an import.)
 */
export async function appendItemEvents(em: Em, actor: EventAuthor | null, pending: PendingItemEvent[]): Promise<ItemEvent[]> {
  if (pending.length === 0) return [];
  await em.flush(); // the caller's own changes, outside the lock
  let rows = pendingRows(pending);
  if (pending.length >= STAGE_FROM) {
    const stage = `event_stage_${++stages}`;
    await em.execute(`create temporary table ${stage} on commit drop as select * from ${rows}`);
    rows = `${stage} r`;
  }
  const author = `${intOrNull(actor?.id)}, ${textOrNull(actor?.name)}, ${textOrNull(actor?.ip)}`;
  await lockEventLog(em);
  const at = new Date();
  const inserted = await em.execute<{ seq: string; item_id: number }[]>(
    `insert into event (at, actor_id, actor_name, ip, type, item_id, department_id, previous_department_id, payload)
     select ${literal(at.toISOString())}::timestamptz, ${author}, r.type, r.item_id, r.department_id, r.previous_department_id, r.payload
     from ${rows} order by r.n
     returning seq, item_id`,
  );
  // Seqs are drawn in the rows' order: the ascending seqs pair with `pending` one to one.
  const seqs = inserted.map((r) => ({ seq: Number(r.seq), itemId: r.item_id })).sort((x, y) => x.seq - y.seq);
  const iso = at.toISOString();
  const who = actor?.id != null ? { id: actor.id, name: actor.name ?? '' } : null;
  return pending.map((p, i) => {
    const row = seqs[i];
    if (row?.itemId !== p.item.id) throw new Error(`event ${i} of ${pending.length} came back out of order`);
    const event: ItemEvent = { seq: row.seq, at: iso, actor: who, itemId: p.item.id, data: p.data, item: p.item };
    const lost = lostBy(p);
    if (lost != null) previousDepartments.set(event, lost);
    return event;
  });
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
  const department = scope.kind === 'department' ? (scope.departmentId ?? -1) : null;
  // A department also replays the event that took an item away from it, so its replica drops it.
  const where =
    department != null
      ? { seq: { $gt: sinceSeq }, itemId: { $ne: null }, $or: [{ departmentId: department }, { previousDepartmentId: department }] }
      : { seq: { $gt: sinceSeq }, itemId: { $ne: null } };
  return em.find(EventRow, where, { orderBy: { seq: 'asc' }, limit });
}

/** The whole history of one item, oldest first. */
export async function itemTimeline(em: Em, itemId: number): Promise<EventRow[]> {
  return em.find(EventRow, { itemId }, { orderBy: { seq: 'asc' }, limit: 2000 });
}
