import type { NotificationDto, NotificationKind, NotificationList } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import { Notification } from './notification.entity.js';

/** A notification ready to send to its person's room after commit. */
export interface PendingNotice {
  userId: number;
  notification: NotificationDto;
}

/** Delivers committed notifications live (room `user:<id>`, on every node). */
export interface NotificationPublisher {
  notify(notices: PendingNotice[]): void;
}

export function toNotificationDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    itemId: n.itemId ?? null,
    kind: n.kind,
    text: n.text,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

export interface NoticeDraft {
  userIds: readonly number[];
  itemId: number;
  kind: NotificationKind;
  text: string;
}

/** Writes notifications inside the caller's transaction; publish the result after commit. */
export async function writeNotifications(em: Em, drafts: readonly NoticeDraft[], at: Date): Promise<PendingNotice[]> {
  const rows = drafts.flatMap((d) =>
    [...new Set(d.userIds)].map((userId) =>
      em.create(Notification, { userId, itemId: d.itemId, kind: d.kind, text: d.text.slice(0, 1000), createdAt: at, readAt: null }),
    ),
  );
  if (rows.length === 0) return [];
  await em.flush();
  return rows.map((n) => ({ userId: n.userId, notification: toNotificationDto(n) }));
}

async function unreadCount(em: Em, userId: number): Promise<number> {
  return em.count(Notification, { userId, readAt: null });
}

/** The person's latest notifications, newest first, and how many are unread. */
export async function listNotifications(orm: Orm, userId: number, unreadOnly: boolean, limit: number): Promise<NotificationList> {
  const em = orm.em.fork();
  const where = unreadOnly ? { userId, readAt: null } : { userId };
  const [rows, unread] = await Promise.all([
    em.find(Notification, where, { orderBy: { id: 'desc' }, limit }),
    unreadCount(em, userId),
  ]);
  return { notifications: rows.map(toNotificationDto), unread };
}

/** Marks the person's notifications (the given ones, or all) read; others' ids are ignored. */
export async function markRead(orm: Orm, userId: number, ids: number[] | undefined, at: Date): Promise<{ updated: number; unread: number }> {
  const em = orm.em.fork();
  const where = ids ? { userId, readAt: null, id: { $in: ids } } : { userId, readAt: null };
  const updated = await em.nativeUpdate(Notification, where, { readAt: at });
  return { updated, unread: await unreadCount(em, userId) };
}
