import type { RateLimiter, RateLimitResult } from './rate-limiter.js';

export interface MemoryLimiterOptions {
  limit: number;
  windowSeconds: number;
  /** The clock, injectable so tests can cross window boundaries. */
  now?: () => number;
}

interface Counter {
  window: number;
  current: number;
  previous: number;
}

/**
 * An in-process sliding-window limiter for embedded mode (and the fallback when Redis fails).
 * It reproduces @upstash/ratelimit's slidingWindow exactly: two fixed buckets, the previous one
 * weighted by how much of it still overlaps the sliding window, refused calls not counted.
 * Limits are per process: behind a load balancer each node would allow `limit` on its own.
 */
export function createMemoryRateLimiter(options: MemoryLimiterOptions): RateLimiter {
  const windowMs = options.windowSeconds * 1000;
  const now = options.now ?? Date.now;
  const counters = new Map<string, Counter>();
  let sweptWindow = 0;

  // Counters older than the previous window no longer matter; drop them once per window so
  // the map stays as large as the set of recently active keys.
  function sweep(window: number): void {
    if (window <= sweptWindow) return;
    sweptWindow = window;
    for (const [key, c] of counters) if (c.window < window - 1) counters.delete(key);
  }

  function limitNow(key: string): RateLimitResult {
    const t = now();
    const window = Math.floor(t / windowMs);
    sweep(window);
    const found = counters.get(key);
    let counter: Counter;
    if (found?.window === window) counter = found;
    else if (found?.window === window - 1) counter = { window, current: 0, previous: found.current };
    else counter = { window, current: 0, previous: 0 };
    counters.set(key, counter);

    const reset = (window + 1) * windowMs;
    const overlap = 1 - (t % windowMs) / windowMs;
    const previousWeighted = Math.floor(overlap * counter.previous);
    if (previousWeighted + counter.current >= options.limit) return { success: false, remaining: 0, reset };
    counter.current += 1;
    return { success: true, remaining: Math.max(0, options.limit - (counter.current + previousWeighted)), reset };
  }

  return { limit: async (key) => limitNow(key) };
}
