import { ROLES, type ErrorBody, type MeDto } from '@okno/shared';
import { createClient } from 'redis';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { DEMO_USERS } from '../../seed/users.js';
import {
  api,
  createTestDatabase,
  DEMO_PASSWORD_FOR_TESTS,
  login,
  openSocket,
  startNode,
  TEST_REDIS,
  type TestDatabase,
} from '../../testing/harness.js';

let db: TestDatabase;
let node: Okno;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

function postLogin(baseUrl: string, loginName: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }),
  });
}

/** Both limiters use 60-second windows aligned to the clock; start a burst well inside one. */
async function awayFromWindowEdge(windowMs = 60_000, marginMs = 5_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}

/** Four logins in a row under OKNO_LOGIN_LIMIT=3: three are judged on the password, the fourth is refused. */
async function expectFourthLoginRateLimited(baseUrl: string, loginName: string): Promise<void> {
  await awayFromWindowEdge();
  for (let i = 0; i < 3; i++) expect((await postLogin(baseUrl, loginName, 'wrong-password')).status).toBe(401);
  const fourth = await postLogin(baseUrl, loginName, DEMO_PASSWORD_FOR_TESTS); // even the right password
  expect(fourth.status).toBe(429);
  expect(fourth.headers.get('set-cookie')).toBeNull();
  const body = (await fourth.json()) as ErrorBody & { details: { retryAfterSeconds: number } };
  expect(body.code).toBe('rate_limited');
  expect(body.message).toMatch(/[а-яё]/i);
  expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
  expect(body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
  // The limit is per login: a colleague at the same desk still gets in.
  expect((await postLogin(baseUrl, 'operator2', DEMO_PASSWORD_FOR_TESTS)).status).toBe(200);
}

describe('login', () => {
  it('refuses a wrong password with 401, a Russian message and no cookie', async () => {
    for (const [loginName, password] of [['operator1', 'not-the-password'], ['nobody', DEMO_PASSWORD_FOR_TESTS]] as const) {
      const res = await postLogin(node.url, loginName, password);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      const body = (await res.json()) as ErrorBody;
      expect(body.code).toBe('unauthenticated');
      expect(body.message).toMatch(/[а-яё]/i);
      // An unknown login and a wrong password read the same: no probing for accounts.
      expect(body.message).toBe('Неверный логин или пароль');
    }
  });

  it('sets an httpOnly session cookie on success', async () => {
    const res = await postLogin(node.url, 'operator1', DEMO_PASSWORD_FOR_TESTS);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^okno_session=[^;]+;.*HttpOnly/i);
    expect(((await res.json()) as MeDto).login).toBe('operator1');
  });

  it('has a demo account that can log in for every role in shared ROLES', async () => {
    for (const role of ROLES) {
      const account = DEMO_USERS.find((u) => u.roles.includes(role));
      expect(account, `no demo account for ${role}`).toBeDefined();
      const token = await login(node.url, account!.login);
      const me = await api<MeDto>(node.url, token, '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.roles, role).toContain(role);
    }
  });
});

describe('login rate limit', () => {
  it('answers the 4th attempt within the window with 429 rate_limited (in-process limiter, no Redis)', async () => {
    const limited = await startNode(db.url, { seed: false, nodeId: 'limited-local', env: { OKNO_LOGIN_LIMIT: '3' } });
    try {
      await expectFourthLoginRateLimited(limited.url, 'operator1');
    } finally {
      await limited.close();
    }
  });

  it('answers the 4th attempt within the window with 429 rate_limited (@upstash/ratelimit over Redis)', async () => {
    // Connect first, without retries, so a missing Redis fails here and says so.
    const redis = createClient({ url: TEST_REDIS, socket: { connectTimeout: 3000, reconnectStrategy: false } });
    redis.on('error', () => {});
    await redis.connect().catch((e: unknown) => {
      throw new Error(`this test needs a real Redis at ${TEST_REDIS} (OKNO_TEST_REDIS): ${String(e)}`);
    });
    const limited = await startNode(db.url, { seed: false, redis: true, nodeId: 'limited-redis', env: { OKNO_LOGIN_LIMIT: '3' } });
    try {
      await expectFourthLoginRateLimited(limited.url, 'head');
      // Redis decided, not the in-process fallback: the three allowed attempts are counted
      // there (shared by every node), under this deployment's prefix; the refused one is not.
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${db.name}:rl:login:*:head:*`, COUNT: 500 })) keys.push(...batch);
      const counts = await Promise.all(keys.map((k) => redis.get(k)));
      expect(counts.reduce((sum, c) => sum + Number(c), 0)).toBe(3);
    } finally {
      for await (const batch of redis.scanIterator({ MATCH: `${db.name}:*`, COUNT: 500 })) if (batch.length) await redis.del(batch);
      await redis.quit();
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('logs out with the session cookie: /me answers 401 afterwards and sockets are refused', async () => {
    const token = await login(node.url, 'operator2');
    const cookie = `okno_session=${encodeURIComponent(token)}`;
    const me = () => fetch(`${node.url}/api/auth/me`, { headers: { cookie } });
    expect((await me()).status).toBe(200);
    const out = await fetch(`${node.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/okno_session=;/);
    const after = await me();
    expect(after.status).toBe(401);
    expect(((await after.json()) as ErrorBody).code).toBe('unauthenticated');
    await expect(openSocket(node.url, token)).rejects.toThrow('unauthenticated');
  });

  it('logs out with a Bearer token too: the token stops working', async () => {
    const token = await login(node.url, 'operator2');
    expect((await api(node.url, token, '/api/auth/me')).status).toBe(200);
    expect((await api(node.url, token, '/api/auth/logout', {})).status).toBe(204);
    expect((await api(node.url, token, '/api/auth/me')).status).toBe(401);
  });

  it('refuses a socket without a token or with an invalid one (connect_error unauthenticated)', async () => {
    const attempts: { label: string; auth?: Record<string, unknown>; cookie?: string }[] = [
      { label: 'no token' },
      { label: 'invalid token', auth: { token: 'not-a-session' } },
      { label: 'token of the wrong type', auth: { token: 42 } },
      { label: 'invalid cookie', cookie: 'okno_session=forged' },
    ];
    for (const a of attempts) {
      const socket = connect(node.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: a.auth ?? {},
        extraHeaders: a.cookie ? { cookie: a.cookie } : {},
      });
      try {
        const error = await new Promise<Error & { data?: { code: string; message: string } }>((resolve, reject) => {
          socket.once('connect_error', resolve);
          socket.once('connect', () => reject(new Error(`${a.label}: connected`)));
        });
        expect(error.message, a.label).toBe('unauthenticated');
        expect(error.data, a.label).toEqual({ code: 'unauthenticated', message: 'Войдите в систему' });
        expect(socket.connected).toBe(false);
      } finally {
        socket.close();
      }
    }
  });

  it('accepts a socket authenticated by the session cookie alone', async () => {
    const token = await login(node.url, 'operator1');
    const socket = connect(node.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: `okno_session=${encodeURIComponent(token)}` },
    });
    try {
      const hello = await new Promise<{ seq: number }>((resolve, reject) => {
        socket.once('hello', resolve);
        socket.once('connect_error', reject);
      });
      expect(hello.seq).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });
});
