import { createRoute, z } from '@hono/zod-openapi';
import { CreateViewInput, SavedViewDto, SavedViewList, UpdateViewInput } from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { json, errorResponse as err } from '../../http/openapi.js';
import { createView, deleteView, listViews, updateView } from './views.service.js';

const ViewPath = z.object({ id: z.coerce.number().int().positive() });
const tags = ['views'];

/** Saved queue views, personal and shared. */
export function viewsRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listViews',
      tags,
      responses: { 200: { description: "The person's own views and everyone's shared ones", ...json(SavedViewList) }, 401: err('Not signed in') },
    }),
    async (c) => c.json(await listViews(deps.orm, c.get('actor')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createView',
      tags,
      request: { body: { required: true, ...json(CreateViewInput) } },
      responses: {
        201: { description: 'The saved view', ...json(SavedViewDto) },
        400: err('Invalid input'),
        401: err('Not signed in'),
        409: err('The person already has a view with this name'),
      },
    }),
    async (c) => c.json(await createView(deps.orm, c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      operationId: 'updateView',
      tags,
      request: { params: ViewPath, body: { required: true, ...json(UpdateViewInput) } },
      responses: {
        200: { description: 'The view after the change', ...json(SavedViewDto) },
        400: err('Invalid input'),
        403: err('Only the owner (or a lead, for a shared view) may change it'),
        404: err('No such view, or not visible'),
        409: err('Stale version, or the name is taken'),
      },
    }),
    async (c) => c.json(await updateView(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      operationId: 'deleteView',
      tags,
      request: { params: ViewPath },
      responses: {
        204: { description: 'Deleted' },
        403: err('Only the owner (or a lead, for a shared view) may delete it'),
        404: err('No such view, or not visible'),
      },
    }),
    async (c) => {
      await deleteView(deps.orm, c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return app;
}
