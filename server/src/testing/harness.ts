import { randomBytes } from 'node:crypto';
import type { ClientToServerEvents, ServerToClientEvents } from '@okno/shared';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { createOkno, type Okno } from '../app.js';
import { loadConfig } from '../config.js';

/** The machine's real services; tests fail loudly when they are missing. */
export const TEST_PG = process.env.OKNO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS = process.env.OKNO_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the real Postgres, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `okno_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface NodeOptions {
  redis?: boolean;
  seed?: boolean;
  nodeId?: string;
  env?: Record<string, string>;
  /** The node's clock; with `env.OKNO_TEST_CLOCK = 'true'` it is settable over POST /api/test/clock. */
  clock?: () => Date;
}

/**
 * A real Okno node on a random port over the given database. The deadline scheduler's timer is
 * off unless `env.OKNO_SCHEDULER_TICK_MS` says otherwise: tests tick it (`node.scheduler.tick()`).
 */
export function startNode(databaseUrl: string, options: NodeOptions = {}): Promise<Okno> {
  return createOkno(
    loadConfig({
      DATABASE_URL: databaseUrl,
      REDIS_URL: options.redis ? TEST_REDIS : undefined,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.OKNO_TEST_LOG ?? 'silent',
      OKNO_SEED: options.seed === false ? 'none' : 'demo',
      NODE_ID: options.nodeId ?? 'test',
      // Nodes of one test database share fan-out; parallel test files must not hear each other.
      OKNO_REDIS_PREFIX: new URL(databaseUrl).pathname.slice(1),
      OKNO_MUTATION_LIMIT: '100000',
      OKNO_LOGIN_LIMIT: '100000',
      OKNO_MAX_REPLAY: '100',
      OKNO_SCHEDULER_TICK_MS: '0',
      ...options.env,
    }),
    undefined,
    { clock: options.clock },
  );
}

export const DEMO_PASSWORD_FOR_TESTS = 'okno-demo';

/** Logs in over REST and returns the session token. */
export async function login(baseUrl: string, loginName: string, password = DEMO_PASSWORD_FOR_TESTS): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }),
  });
  if (res.status !== 200) throw new Error(`login ${loginName} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  const token = /okno_session=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('no session cookie');
  return decodeURIComponent(token);
}

/** An authenticated JSON request. */
export async function api<T = unknown>(baseUrl: string, token: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket.io client, resolved once the server said hello. */
export function openSocket(baseUrl: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = connect(baseUrl, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('hello', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}

export const mutationId = (): string => randomBytes(12).toString('hex');
