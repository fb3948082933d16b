import { createRoute } from '@hono/zod-openapi';
import { ErrorBody, IngestBatch, IngestResult } from '@okno/shared';
import { enforceLimit } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { ingestBatch, sourceForKey } from './ingest.service.js';
import { json } from '../../http/openapi.js';


export function ingestRoutes(deps: AppDeps) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'ingestItems',
      tags: ['ingest'],
      description: 'Creates items from an integration, authenticated by its X-Api-Key; idempotent on (source, externalId).',
      request: { body: { required: true, ...json(IngestBatch) } },
      responses: {
        200: { description: 'Per item: its id and whether it was created now', ...json(IngestResult) },
        400: { description: 'Invalid batch', ...json(ErrorBody) },
        401: { description: 'Unknown API key', ...json(ErrorBody) },
        429: { description: 'Rate limited', ...json(ErrorBody) },
      },
    }),
    async (c) => {
      const source = await sourceForKey(deps.orm.em.fork(), c.req.header('x-api-key'));
      await enforceLimit(deps.limits.ingest, `ingest:${source.id}`);
      const result = await ingestBatch(deps.orm, deps.publisher, source, c.req.valid('json').items, deps.clock());
      return c.json(result, 200);
    },
  );
  return app;
}
