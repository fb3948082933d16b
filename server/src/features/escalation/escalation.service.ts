import type { ItemEvent } from '@okno/shared';
import type { Orm } from '../../db/orm.js';
import { deadlineRules } from '../deadlines/rules.js';
import { appendItemEvents, type EventAuthor, type PendingItemEvent } from '../events/event-log.js';
import type { EventPublisher } from '../events/mutation-runner.js';
import { Item } from '../items/item.entity.js';
import { toDtos } from '../items/items.query.js';
import { writeNotifications, type NoticeDraft, type NotificationPublisher, type PendingNotice } from '../notifications/notifications.service.js';
import { loadStepPeople, stepRecipients } from './recipients.js';
import { crossThresholds, type EscalationRules } from './thresholds.js';

/** The scheduler's transitions, each read through its own partial index. */
export const TRANSITIONS = ['at_risk', 'overdue', 'late'] as const;
export type Transition = (typeof TRANSITIONS)[number];

const OPEN = `status not in ('answered', 'closed')`;
const PENDING_SQL: Record<Transition, string> = {
  at_risk: `select id from item where risk_state = 'on_time' and at_risk_at <= ? and ${OPEN} order by at_risk_at limit ? for update skip locked`,
  overdue: `select id from item where risk_state <> 'overdue' and due_at < ? and ${OPEN} order by due_at limit ? for update skip locked`,
  late: `select id from item where risk_state = 'overdue' and late_marked_at is null and due_at < ? and ${OPEN} order by due_at limit ? for update skip locked`,
};

export const SCHEDULER_AUTHOR: EventAuthor = { id: null, name: 'Контроль сроков', ip: null };

export interface SchedulerDeps {
  orm: Orm;
  publisher: EventPublisher;
  notifier: NotificationPublisher;
}

export interface BatchResult {
  items: number;
  events: number;
  notices: number;
}

/**
 * One transaction of one transition: locks up to `limit` items that crossed its threshold by
 * `now` (rows another node holds are skipped, rows it already changed no longer match), marks
 * and escalates them, writes their notifications and events, and publishes after commit. Run
 * concurrently on any number of nodes, every crossing is recorded exactly once.
 */
export async function runTransitionBatch(
  deps: SchedulerDeps,
  transition: Transition,
  now: Date,
  esc: EscalationRules,
  limit: number,
): Promise<BatchResult> {
  let events: ItemEvent[] = [];
  let notices: PendingNotice[] = [];
  const items = await deps.orm.em.fork().transactional(async (em) => {
    const bound = transition === 'late' ? new Date(now.getTime() - esc.lateAfterMs) : now;
    const rows = await em.execute<{ id: number }[]>(PENDING_SQL[transition], [bound, limit]);
    if (rows.length === 0) return 0;
    const [items, rules, people] = await Promise.all([
      em.find(Item, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { id: 'asc' } }),
      deadlineRules(deps.orm).get(em),
      loadStepPeople(em),
    ]);
    const crossings = items.map((item) => ({ item, ...crossThresholds(item, now, esc, rules) }));
    await em.flush();
    const drafts: NoticeDraft[] = crossings.flatMap(({ item, notice }) =>
      notice ? [{ userIds: stepRecipients(item.escalationLevel, item, people), itemId: item.id, ...notice }] : [],
    );
    notices = await writeNotifications(em, drafts, now);
    const dtos = new Map((await toDtos(em, items, false)).map((d) => [d.id, d]));
    const pending: PendingItemEvent[] = crossings.flatMap(({ item, events }) => events.map((data) => ({ data, item: dtos.get(item.id)! })));
    events = await appendItemEvents(em, SCHEDULER_AUTHOR, pending); // last: holds the append lock briefly
    return items.length;
  });
  deps.publisher.publish(events);
  deps.notifier.notify(notices);
  return { items, events: events.length, notices: notices.length };
}
