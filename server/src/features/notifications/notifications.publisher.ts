import type { OknoServer } from '../../realtime/types.js';
import { ROOMS } from '../../realtime/types.js';
import type { NotificationPublisher } from './notifications.service.js';

/** Sends committed notifications to each person's room; with Redis, on every node. */
export function socketNotifier(io: () => OknoServer | null): NotificationPublisher {
  return {
    notify(notices) {
      const server = io();
      if (!server) return;
      for (const n of notices) server.to(ROOMS.user(n.userId)).emit('notification:new', n.notification);
    },
  };
}
