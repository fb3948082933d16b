import { randomBytes } from 'node:crypto';
import type { IngestItem, IngestResult, ItemEvent, SyncResult } from '@okno/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { DEMO_INGEST_KEY } from '../../seed/seed.js';
import { api, createTestDatabase, login, openSocket, startNode, type ClientSocket, type TestDatabase } from '../../testing/harness.js';

let db: TestDatabase;
let node: Okno;
let sql: pg.Client;
let operator: string;
let operatorSocket: ClientSocket;
let analystSocket: ClientSocket;
const heard: ItemEvent[] = [];
const heardMasked: ItemEvent[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  operator = await login(node.url, 'operator1');
  operatorSocket = await openSocket(node.url, operator);
  operatorSocket.on('item:event', (e) => heard.push(e));
  analystSocket = await openSocket(node.url, await login(node.url, 'analyst'));
  analystSocket.on('item:event', (e) => heardMasked.push(e));
});
afterAll(async () => {
  operatorSocket?.close();
  analystSocket?.close();
  await sql?.end();
  await node?.close();
  await db?.drop();
});

/** External ids unique to one test, so tests never see each other's items. */
const externalIds = (n: number): string[] => {
  const run = randomBytes(4).toString('hex');
  return Array.from({ length: n }, (_, i) => `t-${run}-${i}`);
};

const incident = (externalId: string, text = `Не вывезен мусор во дворе (${externalId})`): IngestItem => ({
  externalId,
  kind: 'incident',
  channel: 'vk',
  text,
  authorName: 'Иванова Мария Петровна',
  link: `https://vk.com/wall-1_${externalId}`,
});

async function ingest(body: unknown, key: string | null = DEMO_INGEST_KEY): Promise<{ status: number; body: IngestResult & { code?: string } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['x-api-key'] = key;
  const res = await fetch(`${node.url}/api/ingest`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as IngestResult & { code?: string } };
}

/** Ground truth from the database: items with these external ids, and their item.created events. */
async function stored(ids: string[]): Promise<{ items: number; createdEvents: number }> {
  const items = await sql.query<{ id: number }>('select id from item where external_id = any($1)', [ids]);
  const events = await sql.query<{ n: string }>(
    `select count(*) as n from event where type = 'item.created' and item_id = any($1)`,
    [items.rows.map((r) => r.id)],
  );
  return { items: items.rowCount ?? 0, createdEvents: Number(events.rows[0]!.n) };
}

async function totals(): Promise<{ items: number; events: number }> {
  const { rows } = await sql.query<{ items: string; events: string }>(
    'select (select count(*) from item) as items, (select count(*) from event) as events',
  );
  return { items: Number(rows[0]!.items), events: Number(rows[0]!.events) };
}

async function currentSeq(): Promise<number> {
  const res = await api<SyncResult>(node.url, operator, `/api/events?since=${Number.MAX_SAFE_INTEGER}`);
  return res.body.seq;
}

describe('POST /api/ingest', () => {
  it('creates the items and sends item.created to connected operators (and masked to analysts)', async () => {
    const ids = externalIds(3);
    const res = await ingest({ items: ids.map((id) => incident(id)) });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.externalId)).toEqual(ids);
    expect(res.body.results.every((r) => r.created)).toBe(true);
    const itemIds = res.body.results.map((r) => r.id);
    expect(new Set(itemIds).size).toBe(3);

    await expect.poll(() => heard.filter((e) => itemIds.includes(e.itemId)).length).toBe(3);
    const events = heard.filter((e) => itemIds.includes(e.itemId));
    for (const e of events) {
      expect(e.data.type).toBe('item.created');
      expect(e.actor).toBeNull(); // an integration, not a person
      expect(e.item).toMatchObject({ status: 'new', source: 'demo', authorName: 'Иванова Мария Петровна', escalationLevel: 'operator' });
    }
    expect(events.map((e) => e.item.externalId).sort()).toEqual([...ids].sort());

    await expect.poll(() => heardMasked.filter((e) => itemIds.includes(e.itemId)).length).toBe(3);
    for (const e of heardMasked.filter((x) => itemIds.includes(x.itemId))) {
      expect(e.item.authorName).toBe('И*** М*** П***');
      expect(e.item.link).toBeNull();
    }
    expect(await stored(ids)).toEqual({ items: 3, createdEvents: 3 });
  });

  it('refuses a missing or wrong X-Api-Key with 401 unauthenticated and writes nothing', async () => {
    const before = await totals();
    const batch = { items: externalIds(2).map((id) => incident(id)) };
    for (const key of [null, '', 'wrong-key', DEMO_INGEST_KEY.toUpperCase()]) {
      const res = await ingest(batch, key);
      expect(res.status, String(key)).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
    expect(await totals()).toEqual(before);
  });

  it('answers a repeated batch with the same ids, created:false, and no new events', async () => {
    const ids = externalIds(4);
    const batch = { items: ids.map((id) => incident(id)) };
    const first = await ingest(batch);
    expect(first.body.results.every((r) => r.created)).toBe(true);
    const seqAfterFirst = await currentSeq();
    const heardBefore = heard.length;

    const again = await ingest(batch);
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual(first.body.results.map((r) => ({ ...r, created: false })));
    expect(await currentSeq()).toBe(seqAfterFirst);
    const replay = await api<SyncResult>(node.url, operator, `/api/events?since=${seqAfterFirst}`);
    expect(replay.body.events).toEqual([]);
    // And nothing reaches the socket late.
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.length).toBe(heardBefore);
    expect(await stored(ids)).toEqual({ items: 4, createdEvents: 4 });
  });

  it('creates an external id repeated inside one batch once, from its first occurrence', async () => {
    const [a, b] = externalIds(2) as [string, string];
    const res = await ingest({ items: [incident(a, 'Первое сообщение'), incident(b), incident(a, 'Повтор с другим текстом')] });
    expect(res.status).toBe(200);
    const [ra, rb, rRepeat] = res.body.results;
    expect(res.body.results.map((r) => r.externalId)).toEqual([a, b, a]);
    expect(ra).toMatchObject({ created: true });
    expect(rb).toMatchObject({ created: true });
    expect(rRepeat).toEqual({ ...ra, created: false });
    expect(await stored([a, b])).toEqual({ items: 2, createdEvents: 2 });
    const { rows } = await sql.query<{ text: string }>('select text from item where id = $1', [ra!.id]);
    expect(rows[0]!.text).toBe('Первое сообщение');
  });

  it('creates each item exactly once when two identical batches arrive at the same time', async () => {
    const ids = externalIds(50);
    const batch = { items: ids.map((id) => incident(id)) };
    const [x, y] = await Promise.all([ingest(batch), ingest(batch)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(x.body.results.map((r) => r.id)).toEqual(y.body.results.map((r) => r.id));
    // Each external id was created by exactly one of the two requests.
    ids.forEach((_, i) => {
      expect([x.body.results[i]!.created, y.body.results[i]!.created].filter(Boolean)).toHaveLength(1);
    });
    expect(await stored(ids)).toEqual({ items: 50, createdEvents: 50 });
  });

  it('survives concurrent overlapping batches in opposite orders without a deadlock', async () => {
    for (let round = 0; round < 4; round++) {
      const ids = externalIds(500);
      const forward = { items: ids.map((id) => incident(id)) };
      const backward = { items: [...ids].reverse().map((id) => incident(id)) };
      const answers = await Promise.all([ingest(forward), ingest(backward), ingest(forward), ingest(backward)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const idOf = new Map(answers[0]!.body.results.map((r) => [r.externalId, r.id]));
      for (const a of answers) for (const r of a.body.results) expect(r.id).toBe(idOf.get(r.externalId));
      const createdCount = answers.flatMap((a) => a.body.results).filter((r) => r.created).length;
      expect(createdCount).toBe(500);
      expect(await stored(ids)).toEqual({ items: 500, createdEvents: 500 });
    }
  });

  it('refuses an invalid batch with 400 validation and writes nothing', async () => {
    const before = await totals();
    const ok = incident(externalIds(1)[0]!);
    const invalid: [string, unknown][] = [
      ['empty items', { items: [] }],
      ['501 items', { items: externalIds(501).map((id) => incident(id)) }],
      ['unknown kind', { items: [ok, { ...incident(externalIds(1)[0]!), kind: 'complaint' }] }],
      ['no items at all', {}],
      ['empty text', { items: [{ ...ok, text: '' }] }],
    ];
    for (const [what, body] of invalid) {
      const res = await ingest(body);
      expect(res.status, what).toBe(400);
      expect(res.body.code, what).toBe('validation');
    }
    expect(await totals()).toEqual(before);
  });
});
