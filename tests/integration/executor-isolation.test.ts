import type { Ack, ItemEvent, ItemSnapshot, MutationResult, SyncResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '@okno/server/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
let operator: string;
let executor: string;
let ownItemId: number;
let otherItemId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  [operator, executor] = await Promise.all([login(node.url, 'operator1'), login(node.url, 'executor_housing')]);
  // Routing arrives in a later issue; place two items directly, as routing will.
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const { rows: depts } = await c.query<{ id: number; code: string }>('select d.id, d.code from department d');
  const { rows: users } = await c.query<{ department_id: number }>(`select department_id from app_user where login = 'executor_housing'`);
  const own = users[0]!.department_id;
  const other = depts.find((d) => d.id !== own)!.id;
  const { rows: items } = await c.query<{ id: number }>('select id from item order by id limit 2');
  ownItemId = items[0]!.id;
  otherItemId = items[1]!.id;
  await c.query('update item set department_id = $1, status = $2 where id = $3', [own, 'routed', ownItemId]);
  await c.query('update item set department_id = $1, status = $2 where id = $3', [other, 'routed', otherItemId]);
  await c.end();
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

describe('executor isolation', () => {
  it('lists only the department’s items over REST', async () => {
    const snap = await api<ItemSnapshot>(node.url, executor, '/api/items');
    expect(snap.body.items.map((i) => i.id)).toEqual([ownItemId]);
  });

  it('refuses another department’s item over REST as not found', async () => {
    expect((await api(node.url, executor, `/api/items/${ownItemId}`)).status).toBe(200);
    const res = await api<{ code: string }>(node.url, executor, `/api/items/${otherItemId}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('neither delivers nor replays another department’s events over the socket', async () => {
    const ex = await openSocket(node.url, executor);
    const op = await openSocket(node.url, operator);
    const got: ItemEvent[] = [];
    ex.on('item:event', (e) => got.push(e));
    const hello = (await ex.emitWithAck('sync', { sinceSeq: 0 })) as Ack<SyncResult>;
    const since = hello.ok ? hello.data.seq : 0;
    for (const itemId of [otherItemId, ownItemId]) {
      const ack = (await op.emitWithAck('item:comment', { mutationId: mutationId(), itemId, text: 'проверка' })) as Ack<MutationResult>;
      expect(ack.ok).toBe(true);
    }
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]!.itemId).toBe(ownItemId);
    const replay = (await ex.emitWithAck('sync', { sinceSeq: since })) as Ack<SyncResult>;
    expect(replay.ok && replay.data.events.map((e) => e.itemId)).toEqual([ownItemId]);
    const view = (await ex.emitWithAck('item:view', { itemId: otherItemId })) as Ack<unknown>;
    expect(!view.ok && view.error.code).toBe('not_found');
    const claim = (await ex.emitWithAck('item:comment', { mutationId: mutationId(), itemId: otherItemId, text: 'x' })) as Ack<unknown>;
    expect(!claim.ok && claim.error.code).toBe('not_found');
    ex.close();
    op.close();
  });
});
