import type { EscalationLevel, NotificationKind } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Item } from '../items/item.entity.js';
import { writeNotifications, type PendingNotice } from '../notifications/notifications.service.js';
import { loadStepPeople, stepRecipients } from './recipients.js';

/**
 * Notifies the people on `level` for the item (not the person acting), inside the caller's
 * transaction; send the result after commit.
 */
export async function notifyStep(
  em: Em,
  item: Item,
  level: EscalationLevel,
  notice: { kind: NotificationKind; text: string },
  actorId: number | null,
  at: Date,
): Promise<PendingNotice[]> {
  const people = level === 'operator' ? [] : await loadStepPeople(em);
  const userIds = stepRecipients(level, item, people).filter((id) => id !== actorId);
  return writeNotifications(em, [{ userIds, itemId: item.id, ...notice }], at);
}
