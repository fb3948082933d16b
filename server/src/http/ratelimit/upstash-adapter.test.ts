/**
 * Guards the adapter against a new @upstash/ratelimit release: every Lua script the library
 * ships, and every script it actually sends, must be accepted by Redis OSS after the adapter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MultiRegionRatelimit, Ratelimit } from '@upstash/ratelimit';
import type { RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestRedis, deleteKeys, uniquePrefix } from './test-redis.js';
import { scriptSha, toRedisOssScript, UpstashOverNodeRedis } from './upstash-adapter.js';

let redis: RedisClientType;
const prefix = uniquePrefix('upstash');

beforeAll(async () => {
  redis = await connectTestRedis();
});

afterAll(async () => {
  if (!redis) return;
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe('toRedisOssScript', () => {
  it('removes the Upstash-only flag and the then empty shebang, keeping line numbers', () => {
    expect(toRedisOssScript('#!lua flags=allow-key-locking\nreturn 1')).toBe('\nreturn 1');
  });

  it('keeps flags Redis OSS knows', () => {
    expect(toRedisOssScript('#!lua flags=no-writes,allow-key-locking\nreturn 1')).toBe('#!lua flags=no-writes\nreturn 1');
  });

  it('leaves scripts without Upstash-only flags untouched', () => {
    for (const s of ['return 1', '#!lua\nreturn 1', '#!lua flags=no-writes\nreturn 1']) expect(toRedisOssScript(s)).toBe(s);
  });
});

/** The Lua sources in the library's bundle: every template literal that calls Redis. */
function shippedScripts(): string[] {
  const bundle = readFileSync(createRequire(import.meta.url).resolve('@upstash/ratelimit'), 'utf8');
  return [...bundle.matchAll(/`([^`]*)`/g)]
    .map((m) => m[1] ?? '')
    .filter((s) => s.includes('redis.call'))
    // A few scripts interpolate numeric constants; any number compiles the same way.
    .map((s) => s.replace(/\$\{[^}]*\}/g, '0'));
}

describe('@upstash/ratelimit scripts on Redis OSS', () => {
  it('every Lua script shipped in the library loads on Redis OSS after the adapter', async () => {
    const scripts = shippedScripts();
    expect(scripts.length).toBeGreaterThanOrEqual(12); // the scan still finds the scripts
    expect(scripts.some((s) => s.includes('allow-key-locking'))).toBe(true); // the reason for the adapter
    for (const script of scripts) {
      const oss = toRedisOssScript(script);
      await expect(redis.scriptLoad(oss), script.slice(0, 120)).resolves.toBe(scriptSha(oss));
    }
  });

  it('runs every algorithm through the adapter, then hits the script cache by hash', async () => {
    const sent = new Map<string, number>();
    const adapter = new UpstashOverNodeRedis(redis, {
      onScript: (original, oss) => {
        expect(oss).not.toContain('allow-key-locking');
        sent.set(original, (sent.get(original) ?? 0) + 1);
      },
    });
    type SingleRedis = ConstructorParameters<typeof Ratelimit>[0]['redis'];
    type MultiRedis = ConstructorParameters<typeof MultiRegionRatelimit>[0]['redis'][number];
    const single = adapter as unknown as SingleRedis;
    const multi = adapter as unknown as MultiRedis;
    const limiters = [
      new Ratelimit({ redis: single, prefix: `${prefix}:fw`, limiter: Ratelimit.fixedWindow(3, '10 s') }),
      new Ratelimit({ redis: single, prefix: `${prefix}:sw`, limiter: Ratelimit.slidingWindow(3, '10 s') }),
      new Ratelimit({ redis: single, prefix: `${prefix}:tb`, limiter: Ratelimit.tokenBucket(1, '10 s', 3) }),
      new Ratelimit({ redis: single, prefix: `${prefix}:cfw`, limiter: Ratelimit.cachedFixedWindow(3, '10 s') }),
      new MultiRegionRatelimit({ redis: [multi], prefix: `${prefix}:mfw`, limiter: MultiRegionRatelimit.fixedWindow(3, '10 s') }),
      new MultiRegionRatelimit({ redis: [multi], prefix: `${prefix}:msw`, limiter: MultiRegionRatelimit.slidingWindow(3, '10 s') }),
    ];
    for (let round = 0; round < 2; round++) {
      for (const limiter of limiters) {
        const results = [];
        for (let i = 0; i < 4; i++) {
          const r = await limiter.limit(`id-${round}`);
          await r.pending; // multi-region syncs with hset here
          results.push(r.success);
        }
        expect(results).toEqual([true, true, true, false]);
        expect((await limiter.getRemaining(`id-${round}`)).remaining).toBe(0);
        await limiter.resetUsedTokens(`id-${round}`);
      }
    }
    expect(sent.size).toBeGreaterThanOrEqual(8);
    // Each script went through EVAL once; afterwards the library's hash mapped to the cached one.
    for (const [script, times] of sent) expect(times, script.slice(0, 80)).toBe(1);
  });

  it('reads and writes plain values for dynamic limits', async () => {
    const limiter = new Ratelimit({
      redis: new UpstashOverNodeRedis(redis) as unknown as ConstructorParameters<typeof Ratelimit>[0]['redis'],
      prefix: `${prefix}:dyn`,
      limiter: Ratelimit.slidingWindow(5, '10 s'),
      dynamicLimits: true,
    });
    await limiter.setDynamicLimit({ limit: 1 });
    expect((await limiter.getDynamicLimit()).dynamicLimit).toBe(1);
    expect((await limiter.limit('a')).success).toBe(true);
    expect((await limiter.limit('a')).success).toBe(false);
    await limiter.setDynamicLimit({ limit: false });
    expect((await limiter.getDynamicLimit()).dynamicLimit).toBeNull();
  });
});
