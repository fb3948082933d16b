import type { ItemDto, ItemSnapshot } from '@okno/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestDatabase, login, startNode, type TestDatabase } from '../../testing/harness.js';
import { appendItemEvents, currentSeq, previousDepartmentOf, type EventAuthor, type PendingItemEvent } from './event-log.js';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
let client: pg.Client;
let items: ItemDto[];

const AUTHOR: EventAuthor = { id: null, name: `Импорт «О'Брайен» \\ C:\\path ? $$ $1 😀`, ip: "10.0.0.1'; drop table event; --" };

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  items = (await api<ItemSnapshot>(node.url, await login(node.url, 'operator1'), '/api/items')).body.items;
});
afterAll(async () => {
  await client?.end();
  await node?.close();
  await db?.drop();
});

const append = (pending: PendingItemEvent[], author: EventAuthor | null = AUTHOR) =>
  node.deps.orm.em.fork().transactional((em) => appendItemEvents(em, author, pending));

describe('appending item events', () => {
  // 60 go straight in; 3000 are staged in a temporary table before the lock.
  it.each([60, 3000])('writes a batch of %i in order, with contiguous seqs and exactly the rows and events it was given', async (size) => {
    const before = await currentSeq(node.deps.orm.em.fork());
    const tricky = `кавычки ' '' \\' \\\\ ? ?? $$ $tag$ \u2028 😀 "json" \\u0000`;
    const pending: PendingItemEvent[] = Array.from({ length: size }, (_, i) => {
      const item = items[i % items.length]!;
      const moved = i % 7 === 0;
      return {
        data: { type: 'item.commented', comment: { id: i + 1, itemId: item.id, author: { id: 1, name: tricky }, text: `${i}: ${tricky}`, createdAt: item.updatedAt } },
        item: { ...item, departmentId: moved ? 999_999 : item.departmentId },
        previousDepartmentId: moved ? 424_242 : i % 7 === 1 ? item.departmentId : null,
      };
    });
    const events = await append(pending);
    expect(events.map((e) => e.seq)).toEqual(pending.map((_, i) => before + 1 + i));
    expect(events.map((e) => e.item)).toEqual(pending.map((p) => p.item));
    expect(events.map((e) => e.data)).toEqual(pending.map((p) => p.data));
    expect(new Set(events.map((e) => e.at)).size).toBe(1);
    expect(events[0]!.actor).toBeNull();
    // Only a change that took the item away from a department reaches that department's room.
    expect(events.map(previousDepartmentOf)).toEqual(pending.map((_, i) => (i % 7 === 0 ? 424_242 : null)));

    const { rows } = await client.query(
      `select seq, at, actor_id, actor_name, ip, type, item_id, department_id, previous_department_id, payload
       from event where seq > $1 order by seq`,
      [before],
    );
    expect(rows).toHaveLength(size);
    rows.forEach((row, i) => {
      const p = pending[i]!;
      expect(row).toEqual({
        seq: String(events[i]!.seq),
        at: new Date(events[i]!.at),
        actor_id: null,
        actor_name: AUTHOR.name,
        ip: AUTHOR.ip,
        type: 'item.commented',
        item_id: p.item.id,
        department_id: p.item.departmentId,
        previous_department_id: i % 7 === 0 ? 424_242 : null,
        payload: JSON.parse(JSON.stringify({ data: p.data, item: p.item })),
      });
    });
  });

  it('names a person as the actor and writes one event as before', async () => {
    const item = items[0]!;
    const data = { type: 'item.claimed' as const, assignee: { id: 1, name: 'Оператор' } };
    const [event] = await append([{ data, item }], { id: 1, name: 'Оператор', ip: null });
    expect(event).toMatchObject({ actor: { id: 1, name: 'Оператор' }, itemId: item.id, item, data });
    expect(event!.seq).toBe(await currentSeq(node.deps.orm.em.fork()));
  });

  it('appends big batches twice in one transaction', async () => {
    const before = await currentSeq(node.deps.orm.em.fork());
    const data = { type: 'item.claimed' as const, assignee: { id: 1, name: 'Оператор' } };
    const batch = items.slice(0, 150).map((item) => ({ data, item }));
    const [first, second] = await node.deps.orm.em.fork().transactional(async (em) => [await appendItemEvents(em, null, batch), await appendItemEvents(em, null, batch)]);
    expect([...first!, ...second!].map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => before + 1 + i));
  });

  it('commits in seq order under concurrency: a reader never sees a seq before every lower one', async () => {
    const start = await currentSeq(node.deps.orm.em.fork());
    let writing = true;
    let reads = 0;
    const holes: string[] = [];
    const reader = (async () => {
      while (writing) {
        const { rows } = await client.query<{ seq: string }>('select seq from event where seq > $1 order by seq', [start]);
        const seqs = rows.map((r) => Number(r.seq));
        if (seqs.some((s, i) => s !== start + 1 + i)) holes.push(seqs.join(','));
        reads++;
      }
    })();
    const data = { type: 'item.claimed' as const, assignee: { id: 1, name: 'Оператор' } };
    const batch = (n: number, k: number) => Array.from({ length: n }, (_, i) => ({ data, item: items[(k + i) % items.length]! }));
    // Big and small batches at once; each transaction lingers after its append, before commit.
    await Promise.all(
      Array.from({ length: 16 }, (_, k) =>
        node.deps.orm.em.fork().transactional(async (em) => {
          await new Promise((resolve) => setTimeout(resolve, k * 3));
          await appendItemEvents(em, null, batch(k % 4 === 0 ? 800 : 1 + k, k));
          await em.execute('select pg_sleep(0.01)');
        }),
      ),
    );
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(3);
    expect(holes).toEqual([]);
    expect(await currentSeq(node.deps.orm.em.fork())).toBe(start + 4 * 800 + [1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15].reduce((a, b) => a + b + 1, 0));
  });
});
