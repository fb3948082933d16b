import { createRoute } from '@hono/zod-openapi';
import { ErrorBody, WallDto } from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { wallFor } from './wall.service.js';
import { json } from '../../http/openapi.js';


export function wallRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getWall',
      tags: ['wall'],
      description: "The head's wall: live tiles per sector and the sector × territory matrix, scoped to the viewer.",
      responses: {
        200: { description: 'Tiles, trend and matrix, with the event seq they reflect', ...json(WallDto) },
        401: { description: 'Not signed in', ...json(ErrorBody) },
        403: { description: 'The person has no wall', ...json(ErrorBody) },
      },
    }),
    async (c) => c.json(await wallFor(deps.orm, c.get('actor'), deps.clock()), 200),
  );
  return app;
}
