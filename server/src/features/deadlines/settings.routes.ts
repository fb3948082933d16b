import { createRoute, z } from '@hono/zod-openapi';
import {
  DeadlinePolicyCode,
  DeadlineSettingsDto,
  DeletePolicyQuery,
  SaveCalendarInput,
  SaveCentreInput,
  SavePolicyInput,
  SettingsRevisionDto,
} from '@okno/shared';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { deadlineSettings, deletePolicy, saveCalendar, saveCentre, savePolicy, settingsRevisions } from './settings.service.js';
import { json, errorResponse as err } from '../../http/openapi.js';

const saved = { description: 'The settings after the change', ...json(DeadlineSettingsDto) };
const refusals = {
  400: err('Invalid settings (details.issues lists the problems)'),
  401: err('Not signed in'),
  403: err('Only an administrator may change them'),
  404: err('No such row'),
  409: err('Changed meanwhile by someone else (stale version)'),
};
const PolicyPath = z.object({ code: DeadlinePolicyCode });
const YearPath = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Deadline policies, production calendars and the centre's hours: read by all, edited by admins, audited. */
export function deadlineSettingsRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  const tags = ['deadlines'];

  app.openapi(
    createRoute({ method: 'get', path: '/settings', operationId: 'getDeadlineSettings', tags, responses: { 200: { description: 'Current settings and their revision', ...json(DeadlineSettingsDto) }, 401: err('Not signed in') } }),
    async (c) => c.json(await deadlineSettings(deps.orm), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/revisions',
      operationId: 'listDeadlineSettingsRevisions',
      tags,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: { description: 'The audit of settings changes, newest first', ...json(z.array(SettingsRevisionDto)) }, 401: err('Not signed in') },
    }),
    async (c) => c.json(await settingsRevisions(deps.orm, c.req.valid('query').limit), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/policies/{code}',
      operationId: 'saveDeadlinePolicy',
      tags,
      request: { params: PolicyPath, body: { required: true, ...json(SavePolicyInput) } },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => c.json(await savePolicy(deps.orm, c.get('actor'), c.req.valid('param').code, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/policies/{code}',
      operationId: 'deleteDeadlinePolicy',
      tags,
      request: { params: PolicyPath, query: DeletePolicyQuery },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await deletePolicy(deps.orm, c.get('actor'), c.req.valid('param').code, q.version, q.reason), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/calendars/{year}',
      operationId: 'saveProductionCalendar',
      tags,
      request: { params: YearPath, body: { required: true, ...json(SaveCalendarInput) } },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => c.json(await saveCalendar(deps.orm, c.get('actor'), c.req.valid('param').year, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/centre',
      operationId: 'saveCentreSettings',
      tags,
      request: { body: { required: true, ...json(SaveCentreInput) } },
      responses: { 200: saved, ...refusals },
    }),
    async (c) => c.json(await saveCentre(deps.orm, c.get('actor'), c.req.valid('json')), 200),
  );
  return app;
}
