import { createRoute } from '@hono/zod-openapi';
import { IngestBatch, IngestRatingBatch, IngestRatingResult, IngestResult } from '@okno/shared';
import { enforceLimit } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { errorResponse, json } from '../../http/openapi.js';
import { ingestBatch, sourceForKey } from './ingest.service.js';
import { ingestRatings } from './ingest-ratings.js';

/** What every ingest route may refuse: a bad batch, an unknown key, too many batches. */
const refusals = {
  400: errorResponse('Invalid batch'),
  401: errorResponse('Unknown API key'),
  429: errorResponse('Rate limited'),
};

export function ingestRoutes(deps: AppDeps) {
  const app = featureApp();
  /** The integration behind the request's X-Api-Key, once its rate limit allows another batch. */
  const limitedSource = async (apiKey: string | undefined) => {
    const source = await sourceForKey(deps.orm.em.fork(), apiKey);
    await enforceLimit(deps.limits.ingest, `ingest:${source.id}`);
    return source;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'ingestItems',
      tags: ['ingest'],
      description: 'Creates items from an integration, authenticated by its X-Api-Key; idempotent on (source, externalId).',
      request: { body: { required: true, ...json(IngestBatch) } },
      responses: { 200: { description: 'Per item: its id and whether it was created now', ...json(IngestResult) }, ...refusals },
    }),
    async (c) => {
      const source = await limitedSource(c.req.header('x-api-key'));
      return c.json(await ingestBatch(deps.orm, deps.publisher, source, c.req.valid('json').items, deps.clock()), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/ratings',
      operationId: 'ingestRatings',
      tags: ['ingest'],
      description: 'Citizens’ ratings (1–5) of answers, by the item’s external id at the source (X-Api-Key); 1–2 reopens the item. Per-row results.',
      request: { body: { required: true, ...json(IngestRatingBatch) } },
      responses: { 200: { description: 'Per rating: recorded, or why not', ...json(IngestRatingResult) }, ...refusals },
    }),
    async (c) => {
      const source = await limitedSource(c.req.header('x-api-key'));
      return c.json(await ingestRatings(deps, source, c.req.valid('json').ratings), 200);
    },
  );
  return app;
}
