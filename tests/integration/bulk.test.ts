import type { Ack, BulkResult, ItemDto, ItemEvent, ItemSnapshot, MutationResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from './workflow-helpers.js';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
let op1: string;
let op2: string;
/** Untouched open items, handed out to the tests one batch at a time. */
let fresh: ItemDto[];
const take = (n: number, where: (i: ItemDto) => boolean = () => true): ItemDto[] => {
  const picked = fresh.filter(where).slice(0, n);
  if (picked.length < n) throw new Error('not enough demo items');
  fresh = fresh.filter((i) => !picked.includes(i));
  return picked;
};
const bulk = (token: string, body: unknown) => api<BulkResult & { code?: string }>(node.url, token, '/api/items/bulk', body);

const sql = (text: string, params: unknown[] = []) => query(db.url, text, params);

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  [op1, op2] = await Promise.all([login(node.url, 'operator1'), login(node.url, 'operator2')]);
  const snap = await api<ItemSnapshot>(node.url, op1, '/api/items');
  fresh = snap.body.items.filter((i) => i.status === 'new' && !i.assignee && i.departmentId === null);
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

describe('bulk actions', () => {
  it('claims 5 items of which 2 are held by someone else: 3 succeed, 2 are refused with the holder’s name', async () => {
    const items = take(5);
    for (const held of [items[1]!, items[3]!]) {
      const r = await api<MutationResult>(node.url, op2, `/api/items/${held.id}/claim`, { mutationId: mutationId() });
      expect(r.status).toBe(200);
    }
    const watcher = await openSocket(node.url, op2);
    const events: ItemEvent[] = [];
    watcher.on('item:event', (e) => events.push(e));

    const res = await bulk(op1, { mutationId: mutationId(), itemIds: items.map((i) => i.id), do: { action: 'claim' } });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.results.map((r) => [r.itemId, r]));
    expect(res.body.results.map((r) => r.itemId)).toEqual(items.map((i) => i.id));
    for (const ok of [items[0]!, items[2]!, items[4]!]) {
      const r = byId.get(ok.id)!;
      expect(r.ok && r.item.assignee?.name).toBe('Смирнова Ольга Викторовна');
    }
    for (const held of [items[1]!, items[3]!]) {
      expect(byId.get(held.id)).toEqual({ itemId: held.id, ok: false, code: 'already_claimed', message: 'Уже взято в работу: Кузнецов Артём Игоревич' });
    }
    // Each success is an ordinary claim: its event reaches everyone live.
    await expect.poll(() => events.filter((e) => e.data.type === 'item.claimed').length).toBe(3);
    watcher.close();
  });

  it('answers a retried bulk with the first results and applies nothing twice', async () => {
    const items = take(3);
    const body = { mutationId: mutationId(), itemIds: items.map((i) => i.id), do: { action: 'claim' } };
    const first = await bulk(op1, body);
    const again = await bulk(op1, body);
    expect(again.body).toEqual(first.body);
    expect(first.body.results.every((r) => r.ok)).toBe(true);
    const detail = await api<{ events: ItemEvent[] }>(node.url, op1, `/api/items/${items[0]!.id}`);
    expect(detail.body.events.filter((e) => e.data.type === 'item.claimed')).toHaveLength(1);
  });

  it('works over the socket with the same per-item report', async () => {
    const items = take(2);
    const s = await openSocket(node.url, op2);
    const ack = (await s.emitWithAck('item:bulk', { mutationId: mutationId(), itemIds: items.map((i) => i.id), do: { action: 'claim' } })) as Ack<BulkResult>;
    expect(ack.ok && ack.data.results.map((r) => r.ok)).toEqual([true, true]);
    s.close();
  });

  it('sets the category of several items, refusing a category of another sector for all', async () => {
    const items = take(2);
    const dir = await api<{ categories: { id: number; sector: string }[] }>(node.url, op1, '/api/directory');
    const waste = dir.body.categories.find((c) => c.sector === 'waste')!;
    const roads = dir.body.categories.find((c) => c.sector === 'roads')!;
    const ok = await bulk(op1, { mutationId: mutationId(), itemIds: items.map((i) => i.id), do: { action: 'categorise', sector: 'waste', categoryId: waste.id } });
    expect(ok.body.results.map((r) => r.ok && r.item.categoryId)).toEqual([waste.id, waste.id]);
    const bad = await bulk(op1, { mutationId: mutationId(), itemIds: items.map((i) => i.id), do: { action: 'categorise', sector: 'waste', categoryId: roads.id } });
    expect(bad.body.results.map((r) => !r.ok && r.code)).toEqual(['validation', 'validation']);
  });

  it('routes to the suggested body, refusing an item that has no suggestion', async () => {
    const [suggested, unsuggested] = take(2);
    const dir = await api<{ categories: { id: number; sector: string }[] }>(node.url, op1, '/api/directory');
    const housingCategory = dir.body.categories.find((c) => c.sector === 'housing')!;
    // A housing item has a suggested body; an uncategorised one has none.
    await sql('update item set sector = $1, category_id = $2 where id = $3', ['housing', housingCategory.id, suggested!.id]);
    await sql('update item set sector = null, category_id = null where id = $1', [unsuggested!.id]);
    const res = await bulk(op1, { mutationId: mutationId(), itemIds: [suggested!.id, unsuggested!.id], do: { action: 'route', departmentId: null } });
    const [routed, refused] = res.body.results;
    expect(routed!.ok).toBe(true);
    expect(routed!.ok && routed!.item.departmentId).toEqual(expect.any(Number));
    expect(refused).toMatchObject({ itemId: unsuggested!.id, ok: false, code: 'validation' });
    expect(!refused!.ok && refused!.message).toContain('нет рекомендованного органа');
  });

  it('closes several items as duplicates of a main one, refusing the main item itself', async () => {
    const [main, a, b] = take(3);
    const res = await bulk(op1, { mutationId: mutationId(), itemIds: [a!.id, b!.id, main!.id], do: { action: 'close_duplicate', mainItemId: main!.id } });
    const [ra, rb, rm] = res.body.results;
    for (const r of [ra!, rb!]) {
      expect(r.ok).toBe(true);
      expect(r.ok && r.item).toMatchObject({ status: 'closed', closeResult: 'duplicate', mergedIntoId: main!.id });
    }
    expect(rm).toMatchObject({ ok: false, code: 'validation' });
  });

  it('refuses to claim a closed or answered item as finished, not as held by its last assignee', async () => {
    const [main, closed, answered, open] = take(4);
    const closer = await bulk(op2, { mutationId: mutationId(), itemIds: [closed!.id], do: { action: 'claim' } });
    expect(closer.body.results[0]!.ok).toBe(true);
    const closing = await bulk(op2, { mutationId: mutationId(), itemIds: [closed!.id], do: { action: 'close_duplicate', mainItemId: main!.id } });
    expect(closing.body.results[0]).toMatchObject({ ok: true, item: { status: 'closed', assignee: { name: 'Кузнецов Артём Игоревич' } } });
    // An answered item also keeps the colleague who answered it.
    await sql(`update item set status = 'answered', assignee_id = (select id from app_user where login = 'operator2') where id = $1`, [answered!.id]);

    const res = await bulk(op1, { mutationId: mutationId(), itemIds: [closed!.id, answered!.id, open!.id], do: { action: 'claim' } });
    const [c, a, o] = res.body.results;
    expect(c).toEqual({ itemId: closed!.id, ok: false, code: 'invalid_transition', message: 'Запись закрыта — взять её в работу нельзя' });
    expect(a).toEqual({ itemId: answered!.id, ok: false, code: 'invalid_transition', message: 'На запись уже дан ответ — взять её в работу нельзя' });
    expect(o!.ok).toBe(true);
  });

  it('refuses more than 200 items before doing anything, saying so in Russian', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => i + 1);
    const res = await bulk(op1, { mutationId: mutationId(), itemIds: ids, do: { action: 'claim' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    const issues = (res.body as unknown as { details: { path: unknown[]; message: string }[] }).details;
    expect(issues).toEqual([
      expect.objectContaining({ path: ['itemIds'], message: 'Групповое действие выполняется не более чем для 200 записей за раз' }),
    ]);
  });
});
