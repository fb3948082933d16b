import type { ErrorBody, IngestRatingResult, IngestResult, ItemDetail, MutationResult } from '@okno/shared';
import { api, mutationId } from '@okno/server/testing';
import pg from 'pg';
import { expect } from 'vitest';

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
