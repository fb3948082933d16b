import { createRoute, z } from '@hono/zod-openapi';
import { ErrorBody, SyncResult } from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { syncSince } from './sync.js';
import { json } from '../../http/openapi.js';

export function eventsRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listEventsSince',
      tags: ['events'],
      request: { query: z.object({ since: z.coerce.number().int().nonnegative() }) },
      responses: {
        200: { description: 'Events after `since`, or reload when too many were missed', ...json(SyncResult) },
        401: { description: 'Not signed in', ...json(ErrorBody) },
      },
    }),
    async (c) => c.json(await syncSince(deps.orm, c.get('actor'), c.req.valid('query').since, deps.config.OKNO_MAX_REPLAY), 200),
  );
  return app;
}
