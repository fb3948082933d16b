/**
 * Lets @upstash/ratelimit run on Redis OSS through node-redis.
 *
 * The library expects an @upstash/redis client, but calls only `evalsha(hash, keys, args)` and,
 * on NOSCRIPT, `eval(script, keys, args)` (plus get/set/del for dynamic limits and hset for
 * multi-region). Its scripts start with `#!lua flags=allow-key-locking`, a flag only Upstash
 * knows: Redis OSS refuses them ("Unexpected flag in script shebang"). So the adapter rewrites
 * each script before it reaches Redis, which changes its SHA1: the library's hash (the SHA1 of
 * the original text) is mapped to the hash of the rewritten one once the adapter has seen it.
 */
import { createHash } from 'node:crypto';
import type { RedisClientType } from 'redis';

/** Shebang flags that Upstash accepts and Redis OSS (7.x) does not. */
const UPSTASH_ONLY_FLAGS = new Set(['allow-key-locking']);
const SHEBANG = /^#!(\S+)(?:[ \t]+flags=(\S*))?[ \t]*(\r?\n|$)/;

/** SHA1 hex, as Redis names scripts. */
export function scriptSha(script: string): string {
  return createHash('sha1').update(script).digest('hex');
}

/**
 * The script as Redis OSS accepts it: Upstash-only shebang flags removed. When no flag is left
 * the shebang goes too (a blank line keeps Lua error line numbers), so the script runs with
 * classic EVAL semantics, which Redis 6 understands as well.
 */
export function toRedisOssScript(script: string): string {
  const match = SHEBANG.exec(script);
  if (!match) return script;
  const flags = (match[2] ?? '').split(',').filter(Boolean);
  const kept = flags.filter((f) => !UPSTASH_ONLY_FLAGS.has(f));
  if (kept.length === flags.length) return script;
  const rest = script.slice(match[0].length);
  const newline = match[3] ?? '\n';
  return kept.length ? `#!${match[1]} flags=${kept.join(',')}${newline}${rest}` : `${newline}${rest}`;
}

/** Upstash passes numbers and nulls as script arguments; Redis takes strings. */
function toRedisArg(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** Like @upstash/redis, values come back JSON-decoded when they are JSON. */
function fromRedisValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export interface AdapterOptions {
  /** Sees every script the library sends and what Redis receives instead (for tests). */
  onScript?: (original: string, sentToRedis: string) => void;
}

/** The subset of the @upstash/redis client that @upstash/ratelimit uses, over node-redis. */
export class UpstashOverNodeRedis {
  /** Library hash → hash of the rewritten script that Redis has cached. */
  readonly #ossShaOf = new Map<string, string>();

  constructor(
    private readonly client: RedisClientType,
    private readonly options: AdapterOptions = {},
  ) {}

  async evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown> {
    const ossSha = this.#ossShaOf.get(sha);
    // An error mentioning NOSCRIPT makes the library retry with `eval`, where the adapter
    // learns the script; after that every call is a plain EVALSHA.
    if (!ossSha) throw new Error(`NOSCRIPT adapter has not seen script ${sha} yet`);
    return this.client.evalSha(ossSha, { keys, arguments: args.map(toRedisArg) });
  }

  async eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    const oss = toRedisOssScript(script);
    this.options.onScript?.(script, oss);
    const result = await this.client.eval(oss, { keys, arguments: args.map(toRedisArg) });
    this.#ossShaOf.set(scriptSha(script), scriptSha(oss));
    return result;
  }

  async get(key: string): Promise<unknown> {
    return fromRedisValue(await this.client.get(key));
  }

  async set(key: string, value: unknown, opts?: { ex?: number; px?: number }): Promise<unknown> {
    const expiry = opts?.px ? { expiration: { type: 'PX', value: opts.px } as const }
      : opts?.ex ? { expiration: { type: 'EX', value: opts.ex } as const } : undefined;
    return this.client.set(key, toRedisArg(value), expiry);
  }

  async del(...keys: string[]): Promise<number> {
    return this.client.del(keys);
  }

  async hset(key: string, fields: Record<string, unknown>): Promise<number> {
    const entries = Object.entries(fields).map(([f, v]) => [f, toRedisArg(v)] as [string, string]);
    return this.client.hSet(key, entries);
  }
}
