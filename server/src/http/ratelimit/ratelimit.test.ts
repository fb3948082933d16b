import type { RedisClientType } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memory-limiter.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { connectTestRedis, deleteKeys, uniquePrefix } from './test-redis.js';

let redis: RedisClientType;
const prefixes: string[] = [];

function prefix(name: string): string {
  const p = uniquePrefix(name);
  prefixes.push(p);
  return p;
}

beforeAll(async () => {
  redis = await connectTestRedis();
});

afterAll(async () => {
  if (!redis) return;
  for (const p of prefixes) await deleteKeys(redis, p);
  await redis.quit();
});

const LIMIT = 5;
// An hour-long window: a test crossing its boundary (and so sliding) is vanishingly unlikely.
const WINDOW = 3600;

// The Redis limiter falls back to the local one on failure, which would hide a broken adapter.
const redisFailures: unknown[] = [];
afterEach(() => {
  expect(redisFailures.splice(0)).toEqual([]);
});
const onRedisFailure = (e: unknown) => redisFailures.push(e);

const implementations: [string, (prefix: string) => RateLimiter][] = [
  ['Redis (@upstash/ratelimit)', (p) => createRateLimiter({ redis, prefix: p, limit: LIMIT, windowSeconds: WINDOW, onRedisFailure })],
  ['in-process', (p) => createRateLimiter({ prefix: p, limit: LIMIT, windowSeconds: WINDOW })],
];

describe.each(implementations)('%s limiter', (_name, make) => {
  it('allows `limit` calls in a window and refuses the next one', async () => {
    const limiter = make(prefix('basic'));
    const before = Date.now();
    const results = [];
    for (let i = 0; i <= LIMIT; i++) results.push(await limiter.limit('user:1'));
    expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    for (const r of results) {
      expect(r.reset).toBeGreaterThan(before);
      expect(r.reset).toBeLessThanOrEqual(before + WINDOW * 1000 + 1000);
    }
  });

  it('counts every key on its own', async () => {
    const limiter = make(prefix('keys'));
    for (let i = 0; i < LIMIT; i++) await limiter.limit('ip:10.0.0.1');
    expect((await limiter.limit('ip:10.0.0.1')).success).toBe(false);
    expect((await limiter.limit('ip:10.0.0.2')).success).toBe(true);
    expect((await limiter.limit('ip:10.0.0.2')).remaining).toBe(LIMIT - 2);
  });

  it('lets exactly `limit` of many concurrent calls through', async () => {
    const limiter = make(prefix('concurrent'));
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.limit('burst')));
    expect(results.filter((r) => r.success)).toHaveLength(LIMIT);
  });
});

describe('Redis limiter across nodes', () => {
  it('shares one allowance between limiters of the same prefix (two nodes)', async () => {
    const p = prefix('nodes');
    const nodeA = createRateLimiter({ redis, prefix: p, limit: LIMIT, windowSeconds: WINDOW, onRedisFailure });
    const nodeB = createRateLimiter({ redis, prefix: p, limit: LIMIT, windowSeconds: WINDOW, onRedisFailure });
    const calls = Array.from({ length: 12 }, (_, i) => (i % 2 ? nodeA : nodeB).limit('login:operator1'));
    expect((await Promise.all(calls)).filter((r) => r.success)).toHaveLength(LIMIT);
  });

  it('falls back to the in-process limiter when Redis fails, keeping the limit', async () => {
    const broken = redis.duplicate();
    broken.on('error', () => {});
    await broken.connect();
    broken.destroy();
    const failures: unknown[] = [];
    const limiter = createRateLimiter({
      redis: broken,
      prefix: prefix('broken'),
      limit: 2,
      windowSeconds: WINDOW,
      onRedisFailure: (e) => failures.push(e),
    });
    const results = await Promise.all([1, 2, 3].map(() => limiter.limit('k')));
    expect(results.map((r) => r.success).sort()).toEqual([false, true, true]);
    expect(failures).toHaveLength(3);
  });
});

describe('in-process limiter window', () => {
  it('weights the previous window like the Upstash sliding window', async () => {
    let now = 9_900; // window 0 of 10 s
    const limiter = createMemoryRateLimiter({ limit: 10, windowSeconds: 10, now: () => now });
    for (let i = 0; i < 10; i++) expect((await limiter.limit('k')).success).toBe(true);
    expect((await limiter.limit('k')).success).toBe(false);

    now = 10_500; // 95 % of the previous window still overlaps: floor(9.5) = 9 count
    expect(await limiter.limit('k')).toEqual({ success: true, remaining: 0, reset: 20_000 });
    expect((await limiter.limit('k')).success).toBe(false);

    now = 15_000; // half overlaps: 5 + 1 counted, 4 more allowed
    const later = await Promise.all([1, 2, 3, 4, 5].map(() => limiter.limit('k')));
    expect(later.map((r) => r.success)).toEqual([true, true, true, true, false]);

    now = 30_000; // two windows on: forgotten
    expect((await limiter.limit('k')).remaining).toBe(9);
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => createRateLimiter({ prefix: 'x', limit: 0, windowSeconds: 1 })).toThrow();
    expect(() => createRateLimiter({ prefix: 'x', limit: 1, windowSeconds: 0 })).toThrow();
  });
});
