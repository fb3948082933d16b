import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createClient, type RedisClientType } from 'redis';
import type { Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres.js';
import { openOrm } from './db/orm.js';
import { createHttpApp } from './http/app.js';
import type { AppDeps } from './http/context.js';
import { createMetrics } from './http/metrics.js';
import { createRateLimiter } from './http/ratelimit/index.js';
import { createLogger, type Logger } from './log.js';
import { socketPublisher } from './realtime/publisher.js';
import { createRealtime } from './realtime/io.js';
import type { OknoServer } from './realtime/types.js';
import { seedDemo } from './seed/seed.js';

export interface Okno {
  url: string;
  port: number;
  deps: AppDeps;
  io: OknoServer;
  close(): Promise<void>;
}

async function connectRedis(url: string, log: Logger): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url });
  client.on('error', (e: unknown) => log.warn({ err: e }, 'redis error'));
  await client.connect();
  return client;
}

/** The composition root: config → db → bus → http → realtime. Used by main.ts and by tests. */
export async function createOkno(config: Config, log: Logger = createLogger(config.LOG_LEVEL, config.NODE_ID)): Promise<Okno> {
  let embedded: EmbeddedPostgres | null = null;
  let dbUrl = config.DATABASE_URL;
  if (!dbUrl) {
    // PGlite serves one session: keep the pool small and never nest connections.
    embedded = await startEmbeddedPostgres(`${config.OKNO_DATA_DIR}/pg`, 4);
    dbUrl = embedded.url;
    log.info({ dataDir: config.OKNO_DATA_DIR }, 'embedded Postgres (PGlite) started');
  }
  const orm = await openOrm(dbUrl, embedded ? 1 : config.OKNO_DB_POOL, log);

  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, log) : null;
  const redisSub = redis ? (redis.duplicate() as RedisClientType) : null;
  if (redisSub) await redisSub.connect();

  const metrics = createMetrics();
  let io: OknoServer | null = null;
  const publisher = socketPublisher(() => io, metrics);
  const limiter = (prefix: string, limit: number, windowSeconds: number) =>
    createRateLimiter({ redis: redis ?? undefined, prefix: `${config.OKNO_REDIS_PREFIX}:rl:${prefix}`, limit, windowSeconds });
  const deps: AppDeps = {
    config,
    orm,
    log,
    publisher,
    metrics,
    limits: {
      login: limiter('login', config.OKNO_LOGIN_LIMIT, 60),
      mutation: limiter('mutation', config.OKNO_MUTATION_LIMIT, 10),
      ingest: limiter('ingest', 600, 10),
    },
  };

  let ready = false;
  const app = createHttpApp(deps, () => ready);
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(server as HttpServer));
  });
  io = createRealtime(httpServer, deps, redis && redisSub ? { pub: redis, sub: redisSub } : null);

  if (config.OKNO_SEED === 'demo') await seedDemo(orm, publisher, log);
  ready = true;

  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    io,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => io!.close(() => resolve()));
      await orm.close();
      await Promise.allSettled([redis?.quit(), redisSub?.quit()]);
      await embedded?.close();
    },
  };
}
