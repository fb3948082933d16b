/**
 * The real Redis the rate-limit tests run against. They never skip: without Redis they fail,
 * saying how to start it, because a skipped test would hide exactly the Redis OSS
 * incompatibilities they exist to catch.
 */
import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';

export const TEST_REDIS_URL = process.env.OKNO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function connectTestRedis(): Promise<RedisClientType> {
  const client: RedisClientType = createClient({
    url: TEST_REDIS_URL,
    socket: { connectTimeout: 3000, reconnectStrategy: false },
  });
  client.on('error', () => {}); // connect() below reports the failure
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `These tests need a real Redis at ${TEST_REDIS_URL} (set OKNO_TEST_REDIS_URL to change it; ` +
        `e.g. \`apt-get install -y redis-server && redis-server --daemonize yes\`): ${String(error)}`,
    );
  }
  return client;
}

/** A key prefix unique to this test run, so parallel runs and leftovers never collide. */
export function uniquePrefix(name: string): string {
  return `okno-test:${name}:${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/** Removes every key under the prefix. */
export async function deleteKeys(client: RedisClientType, prefix: string): Promise<void> {
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length) await client.del(keys);
  }
}
