import { createRoute } from '@hono/zod-openapi';
import { ErrorBody, MarkNotificationsReadInput, MarkNotificationsReadResult, NotificationList, NotificationListQuery } from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { listNotifications, markRead } from './notifications.service.js';
import { json } from '../../http/openapi.js';


export function notificationsRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listNotifications',
      tags: ['notifications'],
      request: { query: NotificationListQuery },
      responses: {
        200: { description: "The person's latest notifications, newest first, and the unread count", ...json(NotificationList) },
        401: { description: 'Not signed in', ...json(ErrorBody) },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listNotifications(deps.orm, c.get('actor').id, q.unreadOnly, q.limit), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/read',
      operationId: 'markNotificationsRead',
      tags: ['notifications'],
      request: { body: { required: true, ...json(MarkNotificationsReadInput) } },
      responses: {
        200: { description: 'How many were marked read, and how many stay unread', ...json(MarkNotificationsReadResult) },
        400: { description: 'Invalid input', ...json(ErrorBody) },
        401: { description: 'Not signed in', ...json(ErrorBody) },
      },
    }),
    async (c) => c.json(await markRead(deps.orm, c.get('actor').id, c.req.valid('json').ids, deps.clock()), 200),
  );
  return app;
}
