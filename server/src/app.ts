import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createClient, type RedisClientType } from 'redis';
import { adjustableClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres.js';
import { openOrm } from './db/orm.js';
import { backfillClocks } from './features/deadlines/backfill.js';
import { startMutationPruning } from './features/events/prune.js';
import { deadlineRules } from './features/deadlines/rules.js';
import { createScheduler, type Scheduler } from './features/escalation/scheduler.js';
import { escalationRules } from './features/escalation/thresholds.js';
import { socketNotifier } from './features/notifications/notifications.publisher.js';
import { socketDirectoryBroadcast } from './features/routing/directory.realtime.js';
import { socketImportProgress } from './features/import/import.realtime.js';
import { createHttpApp } from './http/app.js';
import type { AppDeps } from './http/context.js';
import { createMetrics } from './http/metrics.js';
import { createRateLimiter } from './http/ratelimit/index.js';
import { meetingRealtime } from './features/meetings/meetings.realtime.js';
import { createLogger, type Logger } from './log.js';
import { socketPublisher } from './realtime/publisher.js';
import { socketSessions } from './realtime/sessions.js';
import { createRealtime } from './realtime/io.js';
import type { OknoServer } from './realtime/types.js';
import { stopPresence } from './features/presence/presence.socket.js';
import { seedDemo } from './seed/seed.js';

export interface Okno {
  url: string;
  port: number;
  deps: AppDeps;
  io: OknoServer;
  /** The node's deadline scheduler; tests call `tick()` themselves. */
  scheduler: Scheduler;
  close(): Promise<void>;
}

export interface OknoOptions {
  /** The node's clock (default: the system clock); with OKNO_TEST_CLOCK it becomes settable. */
  clock?: Clock;
}

async function connectRedis(url: string, log: Logger): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url });
  client.on('error', (e: unknown) => log.warn({ err: e }, 'redis error'));
  await client.connect();
  return client;
}

/** The composition root: config → db → bus → http → realtime. Used by main.ts and by tests. */
export async function createOkno(
  config: Config,
  log: Logger = createLogger(config.LOG_LEVEL, config.NODE_ID),
  options: OknoOptions = {},
): Promise<Okno> {
  let embedded: EmbeddedPostgres | null = null;
  let dbUrl = config.DATABASE_URL;
  if (!dbUrl) {
    // PGlite serves one session: keep the pool small and never nest connections.
    embedded = await startEmbeddedPostgres(`${config.OKNO_DATA_DIR}/pg`, 4);
    dbUrl = embedded.url;
    log.info({ dataDir: config.OKNO_DATA_DIR }, 'embedded Postgres (PGlite) started');
  }
  const orm = await openOrm(dbUrl, embedded ? 1 : config.OKNO_DB_POOL, log);
  deadlineRules(orm, config.OKNO_RULES_TTL_MS);
  await backfillClocks(orm, log);
  const testClock = config.OKNO_TEST_CLOCK ? adjustableClock(options.clock ?? systemClock) : undefined;
  if (testClock) log.warn('OKNO_TEST_CLOCK is on: POST /api/test/clock may set this node\'s clock');

  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, log) : null;
  const redisSub = redis ? (redis.duplicate() as RedisClientType) : null;
  if (redisSub) await redisSub.connect();

  const metrics = createMetrics();
  let io: OknoServer | null = null;
  const publisher = socketPublisher(() => io, metrics);
  const limiter = (prefix: string, limit: number, windowSeconds: number) =>
    createRateLimiter({ redis: redis ?? undefined, prefix: `${config.OKNO_REDIS_PREFIX}:rl:${prefix}`, limit, windowSeconds });
  const clock = testClock?.now ?? options.clock ?? systemClock;
  const deps: AppDeps = {
    config,
    orm,
    log,
    publisher,
    meetingRealtime: meetingRealtime(() => io, metrics),
    metrics,
    limits: {
      login: limiter('login', config.OKNO_LOGIN_LIMIT, 60),
      mutation: limiter('mutation', config.OKNO_MUTATION_LIMIT, 10),
      ingest: limiter('ingest', 600, 10),
    },
    clock,
    notifier: socketNotifier(() => io),
    sockets: socketSessions(() => io),
    importProgress: socketImportProgress(() => io),
    directory: socketDirectoryBroadcast(() => io, clock),
    testClock,
  };
  const scheduler = createScheduler({
    ...deps,
    rules: escalationRules(config),
    intervalMs: config.OKNO_SCHEDULER_TICK_MS,
    batch: config.OKNO_SCHEDULER_BATCH,
  });
  testClock?.onSet(() => scheduler.tick());

  let ready = false;
  const app = createHttpApp(deps, () => ready);
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(server as HttpServer));
  });
  io = createRealtime(httpServer, deps, redis && redisSub ? { pub: redis, sub: redisSub } : null);

  if (config.OKNO_SEED === 'demo') await seedDemo(orm, publisher, log, deps.clock());
  scheduler.start();
  const stopPruning = startMutationPruning(orm, config.OKNO_MUTATION_RETENTION_DAYS, deps.clock, log);
  ready = true;

  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    io,
    scheduler,
    async close() {
      ready = false;
      await scheduler.stop();
      stopPruning();
      await new Promise<void>((resolve) => io!.close(() => resolve()));
      // Closing disconnects every socket, which schedules one last announcement: cancel it.
      stopPresence(io!);
      await orm.close();
      await Promise.allSettled([redis?.quit(), redisSub?.quit()]);
      await embedded?.close();
    },
  };
}
