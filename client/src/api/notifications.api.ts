import { MarkNotificationsReadResult, NotificationList } from '@okno/shared';
import { request } from './http';

export const notificationsApi = {
  list: (limit: number) => request('GET', `/api/notifications?limit=${limit}`, NotificationList),
  /** Marks these notifications read, or all of the person's when `ids` is omitted. */
  markRead: (ids?: readonly number[]) =>
    request('POST', '/api/notifications/read', MarkNotificationsReadResult, { body: ids ? { ids } : {} }),
};
