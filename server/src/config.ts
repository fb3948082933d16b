import { ESCALATION_LEVELS } from '@okno/shared';
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
  /** How often the deadline scheduler looks for items crossing a threshold; 0 turns the timer off. */
  OKNO_SCHEDULER_TICK_MS: z.coerce.number().int().nonnegative().default(15_000),
  /** Items one scheduler transaction handles at most. */
  OKNO_SCHEDULER_BATCH: z.coerce.number().int().positive().default(500),
  /** Where the scheduler escalates an item that became at risk, or overdue ('none': nowhere). */
  OKNO_ESCALATE_AT_RISK_TO: z.enum(['none', ...ESCALATION_LEVELS]).default('sector_lead'),
  OKNO_ESCALATE_OVERDUE_TO: z.enum(['none', ...ESCALATION_LEVELS]).default('head'),
  /** An item overdue by more than this many hours climbs to OKNO_ESCALATE_LATE_TO. */
  OKNO_ESCALATE_LATE_AFTER_HOURS: z.coerce.number().positive().default(24),
  OKNO_ESCALATE_LATE_TO: z.enum(['none', ...ESCALATION_LEVELS]).default('curator'),
  /** How long a node trusts its cached deadline rules before checking the settings revision. */
  OKNO_RULES_TTL_MS: z.coerce.number().int().nonnegative().default(10_000),
  /** How long a mutation id is remembered for idempotent retries; older records are pruned hourly. */
  OKNO_MUTATION_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** Tests only: lets POST /api/test/clock set this node's clock. Never in production. */
  OKNO_TEST_CLOCK: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Config = z.infer<typeof Env> & { embedded: boolean };

/** Reads the configuration from the environment (or an override object in tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.parse(env);
  return { ...parsed, embedded: !parsed.DATABASE_URL };
}
