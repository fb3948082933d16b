import type { ItemDto } from '@okno/shared';
import { timeLeftMs } from '../deadline';

type Judged = Pick<ItemDto, 'status' | 'deadlines' | 'answer'>;

/** Whether the item's deadline is being tracked: the same rule the queue counts time left by. */
export function isDeadlineTracked(item: Judged): boolean {
  return timeLeftMs(item, 0) !== null;
}

/** How an item no longer tracked met its deadline: when its answer went out, and whether late. */
export interface DeadlineOutcome {
  answeredAt: string;
  late: boolean;
}

/**
 * The outcome of an answered or closed item's deadline, from the answer sent to the citizen;
 * null while the deadline is tracked, or when no answer was sent under the current clock (closed
 * as spam or a duplicate, or an answer that predates the last reopening).
 */
export function deadlineOutcome(item: Judged): DeadlineOutcome | null {
  const d = item.deadlines;
  const sentAt = item.answer?.sentAt;
  if (!d || !sentAt || isDeadlineTracked(item)) return null;
  if (d.reopenedAt && Date.parse(sentAt) < Date.parse(d.reopenedAt)) return null;
  return { answeredAt: sentAt, late: Date.parse(sentAt) > Date.parse(d.dueAt) };
}
