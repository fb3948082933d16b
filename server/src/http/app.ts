import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { authRoutes } from '../features/auth/auth.routes.js';
import { deadlineSettingsRoutes } from '../features/deadlines/settings.routes.js';
import { directoryRoutes } from '../features/directory/directory.routes.js';
import { testClockRoutes } from '../features/escalation/test-clock.routes.js';
import { eventsRoutes } from '../features/events/events.routes.js';
import { ingestRoutes } from '../features/ingest/ingest.routes.js';
import { itemsRoutes } from '../features/items/items.routes.js';
import { meetingsRoutes } from '../features/meetings/meetings.routes.js';
import { notificationsRoutes } from '../features/notifications/notifications.routes.js';
import { wallRoutes } from '../features/wall/wall.routes.js';
import { answersRoutes } from '../features/answers/answers.routes.js';
import { bulkRoutes } from '../features/bulk/bulk.routes.js';
import { viewsRoutes } from '../features/collab/views.routes.js';
import { importRoutes } from '../features/import/import.routes.js';
import { routingRoutes } from '../features/routing/routing.routes.js';
import type { AppDeps, HttpEnv } from './context.js';
import { toErrorBody } from './errors.js';

/** The HTTP surface: REST under /api (described at /api/openapi.json), health, metrics, the client. */
export function createHttpApp(deps: AppDeps, ready: () => boolean): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('log', deps.log.child({ requestId: c.get('requestId') }));
    await next();
    const route = c.req.routePath;
    const seconds = (performance.now() - started) / 1000;
    deps.metrics.httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    if (c.req.path.startsWith('/api')) {
      c.get('log').info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) }, 'http');
    }
  });

  app.onError((e, c) => {
    const { status, body } = toErrorBody(e, c.get('log') ?? deps.log, c.get('requestId'));
    return c.json(body, status as 400);
  });

  app.route('/api/auth', authRoutes(deps));
  app.route('/api/directory', directoryRoutes(deps));
  app.route('/api/items/bulk', bulkRoutes(deps));
  app.route('/api/items', itemsRoutes(deps));
  app.route('/api/routing', routingRoutes(deps));
  app.route('/api/answers', answersRoutes(deps));
  app.route('/api/views', viewsRoutes(deps));
  app.route('/api/import', importRoutes(deps));
  app.route('/api/meetings', meetingsRoutes(deps));
  app.route('/api/events', eventsRoutes(deps));
  app.route('/api/ingest', ingestRoutes(deps));
  app.route('/api/deadlines', deadlineSettingsRoutes(deps));
  app.route('/api/notifications', notificationsRoutes(deps));
  app.route('/api/wall', wallRoutes(deps));
  if (deps.testClock) app.route('/api/test', testClockRoutes(deps.testClock));

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'Okno API', version: '0.1.0', description: 'Realtime command-centre console for municipal control centres' },
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => (ready() ? c.json({ status: 'ready' }) : c.json({ status: 'starting' }, 503)));
  app.get('/metrics', async (c) => c.text(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType }));

  app.all('/api/*', (c) => c.json({ code: 'not_found' as const, message: 'Нет такого метода API', requestId: c.get('requestId') }, 404));

  const clientDir = deps.config.OKNO_CLIENT_DIR;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use('*', serveStatic({ root: clientDir }));
    // Client-side routes (/items/42, /queue …) all load the single-page app.
    app.get('*', serveStatic({ root: clientDir, path: 'index.html' }));
  }
  return app;
}
