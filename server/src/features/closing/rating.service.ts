import { checkRating, ratingReopens, statusAfterReopen, type RatingSource, type Role } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { loadAnswer, reopenAnswer, touch } from '../answers/answer-store.js';
import { departmentExecutors, sectorLeads } from '../answers/recipients.js';
import { reopenClock } from '../deadlines/clock-rules.js';
import type { PendingItemEvent } from '../events/event-log.js';
import { Item } from '../items/item.entity.js';
import { itemDto, type ItemsDeps } from '../items/items.service.js';
import { writeNotifications, type PendingNotice } from '../notifications/notifications.service.js';
import { syncFollowers } from './follow.js';
import { ItemRating } from './rating.entity.js';
import { refuseRating } from './refusals.js';

export interface RatingEntry {
  score: number;
  comment: string | null;
  source: RatingSource;
  /** The person entering it (call centre), null for the ingest API. */
  ratedBy: number | null;
  roles?: readonly Role[];
}

/** The department a rating counts against: the item's, or for a duplicate without one, its main item's. */
async function ratedDepartment(em: Em, item: Item): Promise<number | null> {
  if (item.departmentId != null || item.mergedIntoId == null) return item.departmentId ?? null;
  const main = await em.findOne(Item, { id: item.mergedIntoId }, { fields: ['id', 'departmentId'] });
  return main?.departmentId ?? null;
}

/**
 * Records a citizen's rating of the item (locked by the caller), in the caller's transaction.
 * A rating of 1–2 reopens the item — back to its department, or to the operators — restarts its
 * answer clock, sends its answer back to a draft, and tells the department's executors and the
 * sector's leads; a duplicate rated low leaves its merge and is worked on its own. Answers the
 * events (the item's `item.rated` last) and the notifications to send after commit.
 */
export async function applyRating(
  em: Em,
  deps: Pick<ItemsDeps, 'orm' | 'clock'>,
  item: Item,
  entry: RatingEntry,
): Promise<{ events: PendingItemEvent[]; notices: PendingNotice[] }> {
  const [answer, last] = await Promise.all([
    loadAnswer(em, item.id),
    em.findOne(ItemRating, { itemId: item.id }, { orderBy: { at: 'desc' }, fields: ['id', 'at'] }),
  ]);
  refuseRating(
    checkRating(
      { status: item.status, answerState: answer?.state ?? null, answerSentAt: answer?.sentAt ?? null, lastRatedAt: last?.at ?? null },
      entry.source,
      entry.roles,
    ),
  );
  const at = deps.clock();
  const departmentId = await ratedDepartment(em, item);
  em.create(ItemRating, { itemId: item.id, score: entry.score, comment: entry.comment, source: entry.source, departmentId, ratedBy: entry.ratedBy, at });
  const reopened = ratingReopens(entry.score);
  let followed: PendingItemEvent[] = [];
  let notices: PendingNotice[] = [];
  if (reopened) {
    item.mergedIntoId = null;
    item.closeResult = null;
    item.status = statusAfterReopen({ departmentId: item.departmentId ?? null });
    await reopenClock(em, deps.orm, item, at);
    await reopenAnswer(em, item.id, at);
    await em.flush();
    followed = await syncFollowers(em, deps.orm, item, at);
    const said = entry.comment ? `: «${entry.comment}»` : '';
    const text = `Оценка заявителя ${entry.score} из 5 — №${item.id} «${item.title}» снова в работе${said}`;
    const [executors, leads] = await Promise.all([departmentExecutors(em, departmentId), sectorLeads(em, item)]);
    notices = await writeNotifications(em, [{ userIds: [...executors, ...leads].filter((id) => id !== entry.ratedBy), itemId: item.id, kind: 'rated_low', text }], at);
  }
  touch(item, at);
  await em.flush();
  const dto = await itemDto(em, item);
  const rated: PendingItemEvent = {
    data: { type: 'item.rated', score: entry.score, comment: entry.comment, source: entry.source, reopened },
    item: dto,
  };
  return { events: [...followed, rated], notices };
}
