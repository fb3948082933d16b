import { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { Actor } from '../features/auth/actor.js';
import type { EventPublisher } from '../features/events/mutation-runner.js';
import type { Logger } from '../log.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './ratelimit/index.js';

/** What every route may use; built once in the composition root. */
export interface AppDeps {
  config: Config;
  orm: Orm;
  log: Logger;
  publisher: EventPublisher;
  metrics: Metrics;
  limits: { login: RateLimiter; mutation: RateLimiter; ingest: RateLimiter };
}

export type HttpEnv = {
  Variables: { actor: Actor; requestId: string; log: Logger };
};

/** A feature's sub-app; request validation failures answer with the shared error shape. */
export function featureApp(): OpenAPIHono<HttpEnv> {
  return new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(
          { code: 'validation' as const, message: 'Некорректные данные запроса', details: result.error.issues, requestId: c.get('requestId') },
          400,
        );
      }
      return undefined;
    },
  });
}
