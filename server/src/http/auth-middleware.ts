import { AppError } from '@okno/shared';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { actorForToken, SESSION_COOKIE } from '../features/auth/auth.service.js';
import type { AppDeps, HttpEnv } from './context.js';

export function clientIp(headers: Headers, fallback: string | null): string | null {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || fallback;
}

/** The request's session token: the session cookie, or a Bearer token for scripts. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) ?? c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
}

/** Resolves the session cookie (or a Bearer token for scripts) to an actor, or answers 401. */
export function requireActor(deps: AppDeps) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    const token = sessionToken(c);
    const actor = token ? await actorForToken(deps.orm.em.fork(), token, clientIp(c.req.raw.headers, null)) : null;
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
