import { createRoute } from '@hono/zod-openapi';
import { ErrorBody, LoginInput, MeDto } from '@okno/shared';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clientIp, enforceLimit, requireActor, sessionToken } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { logIn, logOut, SESSION_COOKIE, toMe } from './auth.service.js';
import { json } from '../../http/openapi.js';

const errors = { 401: { description: 'Not signed in', ...json(ErrorBody) }, 429: { description: 'Rate limited', ...json(ErrorBody) } };

export function authRoutes(deps: AppDeps) {
  const app = featureApp();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      operationId: 'logIn',
      tags: ['auth'],
      request: { body: { required: true, ...json(LoginInput) } },
      responses: { 200: { description: 'Signed in; sets the session cookie', ...json(MeDto) }, ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const ip = clientIp(c, deps.config.OKNO_TRUST_PROXY);
      await enforceLimit(deps.limits.login, `login:${ip ?? 'local'}:${input.login.toLowerCase()}`);
      const { token, actor, maxAgeSeconds } = await logIn(deps.orm.em.fork(), input.login, input.password, ip);
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds });
      c.get('log').info({ userId: actor.id }, 'logged in');
      return c.json(toMe(actor), 200);
    },
  );

  app.use('/logout', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      operationId: 'logOut',
      tags: ['auth'],
      responses: { 204: { description: 'Signed out' }, ...errors },
    }),
    async (c) => {
      // The token that authenticated this request, so a Bearer session is closed too.
      const token = sessionToken(c);
      if (token) {
        await logOut(deps.orm.em.fork(), token);
        deps.sockets.closeSession(token);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.use('/me', requireActor(deps));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      tags: ['auth'],
      responses: { 200: { description: 'The signed-in person', ...json(MeDto) }, ...errors },
    }),
    (c) => c.json(toMe(c.get('actor')), 200),
  );
  return app;
}
