import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { NotificationKind } from '@okno/shared';

/** An in-app notification for one person, written in the transaction of the change it reports. */
export const Notification = defineEntity({
  name: 'Notification',
  properties: {
    id: p.integer().primary(),
    userId: p.integer(),
    itemId: p.integer().nullable(),
    kind: p.string().$type<NotificationKind>(),
    text: p.string().length(1000),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
});
export type Notification = InferEntity<typeof Notification>;
