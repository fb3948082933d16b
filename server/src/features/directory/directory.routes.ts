import { createRoute } from '@hono/zod-openapi';
import { DirectoryDto, ErrorBody } from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { User } from '../auth/user.entity.js';
import { RoutingRule } from '../routing/entities.js';
import { routingRule } from '../routing/routing-data.js';
import { Category, Department, Territory } from './directory.entity.js';
import { json } from '../../http/openapi.js';

export function directoryRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getDirectory',
      tags: ['directory'],
      responses: {
        200: { description: 'Categories, territories, departments, people and routing rules', ...json(DirectoryDto) },
        401: { description: 'Not signed in', ...json(ErrorBody) },
      },
    }),
    async (c) => {
      const em = deps.orm.em.fork();
      const [categories, territories, departments, users, rules] = await Promise.all([
        em.find(Category, {}, { orderBy: { id: 'asc' } }),
        em.find(Territory, {}, { orderBy: { id: 'asc' } }),
        em.find(Department, {}, { orderBy: { id: 'asc' } }),
        em.find(User, { active: true }, { orderBy: { name: 'asc' } }),
        em.find(RoutingRule, {}, { orderBy: { id: 'asc' } }),
      ]);
      return c.json(
        {
          categories: categories.map(({ id, sector, code, name }) => ({ id, sector, code, name })),
          territories: territories.map(({ id, code, municipality, district }) => ({ id, code, municipality, district: district ?? null })),
          departments: departments.map(({ id, code, name, kind, sectors, territoryIds, active }) => ({
            id,
            code,
            name,
            kind,
            sectors: [...sectors],
            territoryIds: [...territoryIds],
            active,
          })),
          users: users.map(({ id, login, name, roles, departmentId }) => ({ id, login, name, roles: [...roles], departmentId: departmentId ?? null })),
          routingRules: rules.map(routingRule),
        },
        200,
      );
    },
  );
  return app;
}
