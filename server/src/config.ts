import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Real Postgres; without it Okno runs an embedded PGlite in OKNO_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis for cross-node fan-out and rate limits; without it both stay in-process. */
  REDIS_URL: z.string().url().optional(),
  /** Namespaces Okno's Redis channels and keys, so several deployments can share one Redis. */
  OKNO_REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/).default('okno'),
  OKNO_DATA_DIR: z.string().default('.okno-data'),
  /** `demo` seeds the demo directory, accounts and items into an empty database. */
  OKNO_SEED: z.enum(['demo', 'none']).default('demo'),
  NODE_ID: z.string().default(`node-${process.pid}`),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serve the built client from this folder when it exists. */
  OKNO_CLIENT_DIR: z.string().optional(),
  /** Trust X-Forwarded-For (set behind a load balancer that overwrites it), for limits and the audit log. */
  OKNO_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  OKNO_LOGIN_LIMIT: z.coerce.number().int().positive().default(10),
  OKNO_MUTATION_LIMIT: z.coerce.number().int().positive().default(120),
  /** Beyond this many missed events a reconnecting client reloads its snapshot instead. */
  OKNO_MAX_REPLAY: z.coerce.number().int().positive().default(1000),
  OKNO_DB_POOL: z.coerce.number().int().positive().default(10),
});

export type Config = z.infer<typeof Env> & { embedded: boolean };

/** Reads the configuration from the environment (or an override object in tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.parse(env);
  return { ...parsed, embedded: !parsed.DATABASE_URL };
}
