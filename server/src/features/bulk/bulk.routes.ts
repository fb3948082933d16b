import { createRoute } from '@hono/zod-openapi';
import { BULK_MAX_ITEMS, BulkInput, BulkResult } from '@okno/shared';
import { enforceLimit, requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { json, errorResponse as err } from '../../http/openapi.js';
import { runBulk } from './bulk.service.js';

/** Bulk actions on items, reported per item. */
export function bulkRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'bulkItems',
      tags: ['items'],
      request: { body: { required: true, ...json(BulkInput) } },
      responses: {
        200: { description: 'Per item: the item as it now stands, or why it was refused', ...json(BulkResult) },
        400: err(`Invalid input (at most ${BULK_MAX_ITEMS} items)`),
        401: err('Not signed in'),
        429: err('Rate limited'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
      const result = await runBulk(deps, actor, c.req.valid('json'));
      deps.metrics.mutations.inc({ action: 'bulk', outcome: 'ok' });
      return c.json(result, 200);
    },
  );
  return app;
}
