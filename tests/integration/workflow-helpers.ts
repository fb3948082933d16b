import type { DirectoryDto, ErrorBody, IngestRatingResult, IngestResult, ItemDetail, MutationResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, startNode, type TestDatabase } from '@okno/server/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';

/** A suite's node on a fresh seeded database, its people signed in; filled before the suite's tests run. */
export interface WorkflowNode<L extends string> {
  url: string;
  dbUrl: string;
  /** The demo people's user ids, by login. */
  readonly ids: Record<L, number>;
  /** The session token of a signed-in person. */
  as(who: L): string;
  /** A department's id by its code. */
  department(code: string): number;
}

/** Starts one node for the suite (and drops its database after); signs the given people in. */
export function useWorkflowNode<L extends string>(logins: readonly L[]): WorkflowNode<L> {
  let db: TestDatabase | undefined;
  let node: Awaited<ReturnType<typeof startNode>> | undefined;
  const tokens = new Map<L, string>();
  const departments = new Map<string, number>();
  const suite: WorkflowNode<L> = {
    url: '',
    dbUrl: '',
    ids: {} as Record<L, number>,
    as: (who) => tokens.get(who) ?? fail(`${who} is not signed in`),
    department: (code) => departments.get(code) ?? fail(`no department ${code}`),
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    node = await startNode(db.url);
    Object.assign(suite, { url: node.url, dbUrl: db.url });
    for (const l of logins) tokens.set(l, await login(node.url, l));
    const dir = (await api<DirectoryDto>(node.url, tokens.get(logins[0]!)!, '/api/directory')).body;
    for (const d of dir.departments) departments.set(d.code, d.id);
    for (const l of logins) suite.ids[l] = dir.users.find((u) => u.login === l)!.id;
  });
  afterAll(async () => {
    await node?.close();
    await db?.drop();
  });
  return suite;
}

function fail(message: string): never {
  throw new Error(message);
}

/** The seeded demo source's key for /api/ingest (server/src/seed/seed.ts). */
const INGEST_HEADERS = { 'content-type': 'application/json', 'x-api-key': 'demo-ingest-key' };

async function postIngest<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: INGEST_HEADERS, body: JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** Items arriving from the demo source, as an external system sends them. */
export const ingestItems = (baseUrl: string, items: Record<string, unknown>[]): Promise<IngestResult> =>
  postIngest(baseUrl, '/api/ingest', { items });

/** Citizens' ratings of sent answers, from the demo source. */
export const ingestRatings = (baseUrl: string, ratings: { externalId: string; score: number; comment?: string }[]): Promise<IngestRatingResult> =>
  postIngest(baseUrl, '/api/ingest/ratings', { ratings });

/** An authenticated JSON request with any method (the harness's `api` does GET and POST). */
export async function request<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** One statement on the test database over its own connection. */
export async function query<R extends pg.QueryResultRow>(databaseUrl: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}

export type MutationAnswer = { status: number; body: MutationResult & ErrorBody };

/**
 * POST /api/items/:id/:action as `token` with a fresh mutation id and the item's current
 * version, read by `viewer` (someone who sees the item whatever the actor may see).
 */
export async function mutateItem(
  baseUrl: string,
  token: string,
  viewer: string,
  id: number,
  action: string,
  body: Record<string, unknown> = {},
): Promise<MutationAnswer> {
  const { version } = (await api<ItemDetail>(baseUrl, viewer, `/api/items/${id}`)).body.item;
  return api<MutationResult & ErrorBody>(baseUrl, token, `/api/items/${id}/${action}`, { mutationId: mutationId(), version, ...body });
}

/** Claimed by the operator and routed to the department through the routing mutation. */
export async function claimAndRoute(baseUrl: string, operator: string, viewer: string, id: number, departmentId: number): Promise<void> {
  expect((await mutateItem(baseUrl, operator, viewer, id, 'claim')).status).toBe(200);
  const routed = await mutateItem(baseUrl, operator, viewer, id, 'route', { departmentId });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
}
