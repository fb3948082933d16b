export { createRateLimiter } from './rate-limiter.js';
export type { RateLimiter, RateLimiterOptions, RateLimitResult } from './rate-limiter.js';
export { createMemoryRateLimiter } from './memory-limiter.js';
