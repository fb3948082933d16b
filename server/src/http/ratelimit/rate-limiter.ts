/**
 * Rate limits (login attempts, mutations, ingest): one interface, two implementations. With
 * Redis, @upstash/ratelimit's sliding window shared by every node; without it (embedded mode),
 * an in-process limiter with the same semantics.
 */
import { Ratelimit } from '@upstash/ratelimit';
import type { RedisClientType } from 'redis';
import { createMemoryRateLimiter } from './memory-limiter.js';
import { UpstashOverNodeRedis, type AdapterOptions } from './upstash-adapter.js';

export interface RateLimitResult {
  success: boolean;
  /** Calls left in the current window after this one. */
  remaining: number;
  /** When the current window ends, epoch milliseconds. */
  reset: number;
}

export interface RateLimiter {
  /** Counts one call for `key` and says whether it is allowed. */
  limit(key: string): Promise<RateLimitResult>;
}

export interface RateLimiterOptions {
  /** A connected node-redis client; without it the limiter is in-process. */
  redis?: RedisClientType;
  /** Namespaces the Redis keys, e.g. `okno:rl:login`. */
  prefix: string;
  /** Allowed calls per key in a sliding window. */
  limit: number;
  windowSeconds: number;
  /** How long to wait for Redis before deciding locally (default 1000 ms). */
  timeoutMs?: number;
  /** Told when Redis failed or was too slow and the local limiter decided instead. */
  onRedisFailure?: (error: unknown) => void;
  /** Passed to the adapter (tests watch the scripts the library sends). */
  adapter?: AdapterOptions;
}

type UpstashRedis = ConstructorParameters<typeof Ratelimit>[0]['redis'];

/** A limiter over Redis when a client is given, in-process otherwise. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error('rate limit must be a positive integer');
  if (!(options.windowSeconds > 0)) throw new Error('rate limit window must be positive');
  const local = createMemoryRateLimiter(options);
  if (!options.redis) return local;

  const ratelimit = new Ratelimit({
    // The library types its parameter as the whole @upstash/redis client but calls only what
    // the adapter implements (see upstash-adapter.ts, and the test that runs every script).
    redis: new UpstashOverNodeRedis(options.redis, options.adapter) as unknown as UpstashRedis,
    limiter: Ratelimit.slidingWindow(options.limit, `${options.windowSeconds} s`),
    prefix: options.prefix,
    analytics: false,
    // Our own fallback below handles a slow Redis; the library's timeout would let calls pass.
    timeout: 0,
  });
  const timeoutMs = options.timeoutMs ?? 1000;

  return {
    async limit(key) {
      // A Redis outage must neither stop the centre nor lift the limits: each node then limits
      // on its own, which at worst multiplies the allowance by the number of nodes.
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`rate limit: Redis did not answer in ${timeoutMs} ms`)), timeoutMs);
        });
        const r = await Promise.race([ratelimit.limit(key), timeout]);
        return { success: r.success, remaining: r.remaining, reset: r.reset };
      } catch (error) {
        options.onRedisFailure?.(error);
        return local.limit(key);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
