import { AppError } from '@okno/shared';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { actorForToken, SESSION_COOKIE } from '../features/auth/auth.service.js';
import type { AppDeps, HttpEnv } from './context.js';

/**
 * Where a request comes from, for rate limits and the audit log. X-Forwarded-For is
 * believed only behind a proxy that sets it (OKNO_TRUST_PROXY), else anyone could forge it.
 */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not served by a Node HTTP server (app.request in tests)
  }
}

/** The request's session token: the session cookie, or a Bearer token for scripts. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) ?? c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
}

/** Resolves the session cookie (or a Bearer token for scripts) to an actor, or answers 401. */
export function requireActor(deps: AppDeps) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    const token = sessionToken(c);
    const actor = token ? await actorForToken(deps.orm.em.fork(), token, clientIp(c, deps.config.OKNO_TRUST_PROXY)) : null;
    if (!actor) throw new AppError('unauthenticated', 'Войдите в систему');
    c.set('actor', actor);
    await next();
  });
}

/** Refuses more than the limiter allows per key. */
export async function enforceLimit(limiter: AppDeps['limits']['login'], key: string): Promise<void> {
  const { success, reset } = await limiter.limit(key);
  if (!success) {
    const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
    throw new AppError('rate_limited', `Слишком много запросов. Повторите через ${seconds} с.`, { retryAfterSeconds: seconds });
  }
}
