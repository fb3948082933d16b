import { LockMode } from '@mikro-orm/core';
import { isOpenStatus } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import { copyAnswer, touch } from '../answers/answer-store.js';
import { reopenClock } from '../deadlines/clock-rules.js';
import type { PendingItemEvent } from '../events/event-log.js';
import { Item } from '../items/item.entity.js';
import { toDtos } from '../items/items.query.js';

/** The duplicates merged into an item, locked, in id order (a stable lock order). */
export function followersOf(em: Em, mainId: number): Promise<Item[]> {
  return em.find(Item, { mergedIntoId: mainId }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
}

/** One duplicate takes its main item's status and answer. */
async function follow(em: Em, orm: Orm, main: Item, follower: Item, at: Date): Promise<void> {
  const from = follower.status;
  follower.status = main.status;
  if (main.status === 'closed') {
    follower.closedAt ??= at;
  } else if (isOpenStatus(main.status) && !isOpenStatus(from)) {
    await reopenClock(em, orm, follower, at); // back to work: its own clock restarts, as the main's did
  } else {
    follower.closedAt = null;
  }
  await copyAnswer(em, main, follower, at);
  touch(follower, at);
}

/**
 * Makes every item merged into `main` take its status and answer, in the caller's transaction;
 * answers one `item.followed_main` event per duplicate (append them before the main's own event,
 * so the mutation's result stays the main item).
 */
export async function syncFollowers(em: Em, orm: Orm, main: Item, at: Date, followers?: Item[]): Promise<PendingItemEvent[]> {
  const list = followers ?? (await followersOf(em, main.id));
  if (list.length === 0) return [];
  for (const f of list) await follow(em, orm, main, f, at);
  await em.flush();
  const dtos = await toDtos(em, list, false);
  return dtos.map((item) => ({ data: { type: 'item.followed_main' as const, mainItemId: main.id }, item }));
}
