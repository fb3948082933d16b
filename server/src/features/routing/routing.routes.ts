import { createRoute, z } from '@hono/zod-openapi';
import {
  AssignExecutorInput,
  AuditList,
  AuditQuery,
  CreateDepartmentInput,
  DeleteRoutingRuleQuery,
  DirectoryAdminDto,
  RouteSuggestionDto,
  RouteSuggestQuery,
  RoutingRuleInput,
  UpdateDepartmentInput,
  UpdateRoutingRuleInput,
} from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { errorResponse as err, json } from '../../http/openapi.js';
import { requireDirectoryReader } from './admin-change.js';
import { listAudit } from './audit.js';
import { assignExecutor, createDepartment, directoryAdmin, unassignExecutor, updateDepartment } from './departments.service.js';
import { createRule, deleteRule, suggestRoute, updateRule } from './rules.service.js';

const IdPath = z.object({ id: z.coerce.number().int().positive() });
const ExecutorPath = z.object({ id: z.coerce.number().int().positive(), userId: z.coerce.number().int().positive() });
const saved = { description: 'The directory after the change', ...json(DirectoryAdminDto) };
const refusals = {
  400: err('Invalid input (details say which field or which rules)'),
  401: err('Not signed in'),
  403: err('Only an administrator may change the directory'),
  404: err('No such body, person or rule'),
  409: err('Changed meanwhile by someone else (stale version), or a duplicate'),
};

/** Departments, their executors, routing rules and the directory audit (administrators edit). */
export function routingRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  // Every change below commits before it answers; then everyone's copy of the directory refetches.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.res.status === 200) deps.directory.changed(c.get('actor').id);
  });
  const tags = ['routing'];
  const read = { 401: err('Not signed in'), 403: err('Administrators, heads and sector leads only') };

  app.openapi(
    createRoute({ method: 'get', path: '/directory', operationId: 'getDirectoryAdmin', tags, responses: { 200: { description: 'Bodies, executors and rules', ...json(DirectoryAdminDto) }, ...read } }),
    async (c) => c.json(await directoryAdmin(deps.orm, c.get('actor')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      operationId: 'listDirectoryAudit',
      tags,
      request: { query: AuditQuery },
      responses: { 200: { description: 'Directory changes, newest first', ...json(AuditList) }, ...read },
    }),
    async (c) => {
      requireDirectoryReader(c.get('actor'));
      const q = c.req.valid('query');
      return c.json(await listAudit(deps.orm, q.entity, q.limit), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/suggest',
      operationId: 'suggestRoute',
      tags,
      request: { query: RouteSuggestQuery },
      responses: { 200: { description: 'The body the routing rules suggest', ...json(RouteSuggestionDto) }, 401: err('Not signed in') },
    }),
    async (c) => c.json(await suggestRoute(deps.orm, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/departments', operationId: 'createDepartment', tags, request: { body: { required: true, ...json(CreateDepartmentInput) } }, responses: { 200: saved, ...refusals } }),
    async (c) => c.json(await createDepartment(deps.orm, c.get('actor'), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/departments/{id}',
      operationId: 'updateDepartment',
      tags,
      request: { params: IdPath, body: { required: true, ...json(UpdateDepartmentInput) } },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => c.json(await updateDepartment(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/departments/{id}/executors',
      operationId: 'assignExecutor',
      tags,
      request: { params: IdPath, body: { required: true, ...json(AssignExecutorInput) } },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => {
      const { userId } = c.req.valid('json');
      const saved = await assignExecutor(deps.orm, c.get('actor'), c.req.valid('param').id, userId);
      // Their sockets joined the old department's room: make them reconnect into the new one.
      deps.sockets.reconnectUser(userId);
      return c.json(saved, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/departments/{id}/executors/{userId}', operationId: 'unassignExecutor', tags, request: { params: ExecutorPath }, responses: { 200: saved, ...refusals } }),
    async (c) => {
      const p = c.req.valid('param');
      const saved = await unassignExecutor(deps.orm, c.get('actor'), p.id, p.userId);
      deps.sockets.reconnectUser(p.userId);
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/rules', operationId: 'createRoutingRule', tags, request: { body: { required: true, ...json(RoutingRuleInput) } }, responses: { 200: saved, ...refusals } }),
    async (c) => c.json(await createRule(deps.orm, c.get('actor'), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/rules/{id}',
      operationId: 'updateRoutingRule',
      tags,
      request: { params: IdPath, body: { required: true, ...json(UpdateRoutingRuleInput) } },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => c.json(await updateRule(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/rules/{id}', operationId: 'deleteRoutingRule', tags, request: { params: IdPath, query: DeleteRoutingRuleQuery }, responses: { 200: saved, ...refusals } }),
    async (c) => c.json(await deleteRule(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version), 200),
  );
  return app;
}
