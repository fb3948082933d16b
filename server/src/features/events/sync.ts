import type { SyncResult } from '@okno/shared';
import type { Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../items/item-access.js';
import { maskItem } from '../items/item.dto.js';
import { currentSeq, eventsSince, rowToEvent } from './event-log.js';

/** The events a reconnecting client missed, or `reload` when the gap is too large. */
export async function syncSince(orm: Orm, actor: Actor, sinceSeq: number, maxReplay: number): Promise<SyncResult> {
  const em = orm.em.fork();
  const scope = scopeOf(actor);
  const seq = await currentSeq(em);
  const rows = await eventsSince(em, sinceSeq, scope, maxReplay + 1);
  if (rows.length > maxReplay) return { events: [], seq, reload: true };
  const masked = scope.kind === 'all' && scope.masked;
  const events = rows.map(rowToEvent).map((e) => (masked ? { ...e, item: maskItem(e.item) } : e));
  return { events, seq: Math.max(seq, events.at(-1)?.seq ?? 0), reload: false };
}
