import { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock, TestClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { Actor } from '../features/auth/actor.js';
import type { EventPublisher } from '../features/events/mutation-runner.js';
import type { DirectoryBroadcast } from '../features/routing/directory.realtime.js';
import type { ImportProgressPublisher } from '../features/import/import.realtime.js';
import type { MeetingRealtime } from '../features/meetings/meetings.realtime.js';
import type { NotificationPublisher } from '../features/notifications/notifications.service.js';
import type { Logger } from '../log.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './ratelimit/index.js';
import type { SocketSessions } from '../realtime/sessions.js';

/** What every route may use; built once in the composition root. */
export interface AppDeps {
  config: Config;
  orm: Orm;
  log: Logger;
  publisher: EventPublisher;
  /** Meeting rooms: events, notices and remote presence. */
  meetingRealtime: MeetingRealtime;
  metrics: Metrics;
  limits: { login: RateLimiter; mutation: RateLimiter; ingest: RateLimiter };
  /** The node's clock: deadlines, the scheduler and `now` in snapshots read it (tests inject one). */
  clock: Clock;
  /** Sends committed notifications to their people (room `user:<id>`). */
  notifier: NotificationPublisher;
  /** Closes sockets after a logout or a change of department. */
  sockets: SocketSessions;
  /** Sends import progress to the importing person's room `user:<id>`. */
  importProgress: ImportProgressPublisher;
  /** Tells every client that the directory changed. */
  directory: DirectoryBroadcast;
  /** Present only with OKNO_TEST_CLOCK=true: the settable clock behind `clock`. */
  testClock?: TestClock;
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
