import type { NotificationDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { EMPTY_NOTIFICATIONS, KEPT, unreadCount, withFetched, withLive, withRead, withServerUnread } from './notification-state';

const note = (id: number, readAt: string | null = null): NotificationDto => ({
  id,
  itemId: 100 + id,
  kind: 'escalated',
  text: `№${100 + id} эскалировано`,
  createdAt: new Date(Date.UTC(2026, 11, 1, 9, id)).toISOString(),
  readAt,
});
const READ = '2026-12-01T10:00:00.000Z';

describe('notification centre state', () => {
  it('counts the server’s unread plus those that arrived live since', () => {
    let s = withFetched(EMPTY_NOTIFICATIONS, { notifications: [note(2), note(1, READ)], unread: 7 });
    expect(unreadCount(s)).toBe(7);
    s = withLive(s, note(3));
    expect(unreadCount(s)).toBe(8);
    expect(s.items.map((n) => n.id)).toEqual([3, 2, 1]);
  });

  it('ignores a repeated live notification', () => {
    const s = withLive(withLive(EMPTY_NOTIFICATIONS, note(1)), note(1));
    expect(s.items).toHaveLength(1);
    expect(unreadCount(s)).toBe(1);
  });

  it('keeps a live notification the next fetch does not list yet, without counting it twice', () => {
    let s = withLive(EMPTY_NOTIFICATIONS, note(5));
    s = withFetched(s, { notifications: [note(4)], unread: 1 });
    expect(s.items.map((n) => n.id)).toEqual([5, 4]);
    expect(unreadCount(s)).toBe(2);
    s = withFetched(s, { notifications: [note(5), note(4)], unread: 2 });
    expect(unreadCount(s)).toBe(2);
  });

  it('marks one read at once and then trusts the server’s count', () => {
    let s = withLive(withFetched(EMPTY_NOTIFICATIONS, { notifications: [note(1), note(2)], unread: 2 }), note(3));
    s = withRead(s, [2, 3], READ);
    expect(unreadCount(s)).toBe(1);
    expect(s.items.find((n) => n.id === 3)?.readAt).toBe(READ);
    s = withServerUnread(s, 1);
    expect(unreadCount(s)).toBe(1);
  });

  it('marks all read, including those beyond the list the server counted', () => {
    const s = withRead(withLive(withFetched(EMPTY_NOTIFICATIONS, { notifications: [note(1)], unread: 40 }), note(2)), null, READ);
    expect(unreadCount(s)).toBe(0);
    expect(s.items.every((n) => n.readAt === READ)).toBe(true);
  });

  it('keeps only the newest notifications', () => {
    let s = EMPTY_NOTIFICATIONS;
    for (let id = 1; id <= KEPT + 5; id++) s = withLive(s, note(id, READ));
    expect(s.items).toHaveLength(KEPT);
    expect(s.items[0]?.id).toBe(KEPT + 5);
  });
});
