import { createRoute } from '@hono/zod-openapi';
import { DepartmentQualityList, DepartmentQualityQuery } from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { json, errorResponse as err } from '../../http/openapi.js';
import { mountAttachmentRoutes } from './attachments.routes.js';
import { departmentQuality } from './quality.js';
import { mountTemplateRoutes } from './templates.routes.js';

/** Answer attachments, canned answer templates, and the departments' answer quality. */
export function answersRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  mountAttachmentRoutes(app, deps);
  mountTemplateRoutes(app, deps);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/department-quality',
      operationId: 'getDepartmentQuality',
      tags: ['answers'],
      request: { query: DepartmentQualityQuery },
      responses: {
        200: { description: 'Per department: ratings, their average, 1–2 ratings, answers returned for rework', ...json(DepartmentQualityList) },
        401: err('Not signed in'),
        403: err('Only analysts and leads'),
      },
    }),
    async (c) => c.json({ departments: await departmentQuality(deps.orm, c.get('actor'), c.req.valid('query')) }, 200),
  );
  return app;
}
