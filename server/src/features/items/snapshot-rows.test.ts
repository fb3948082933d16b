import { maskPersonName, type ItemDto, type ItemSnapshot } from '@okno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, startNode, type TestDatabase } from '../../testing/harness.js';
import { Item } from './item.entity.js';
import { toDtos } from './items.query.js';

let db: TestDatabase;
let node: Okno;
const tokens: Record<string, string> = {};

const sql = <T = unknown>(query: string, params: unknown[] = []) => node.deps.orm.em.fork().execute<T[]>(query, params);
const snapshot = async (who: string, query = ''): Promise<ItemSnapshot> => {
  const res = await api<ItemSnapshot>(node.url, tokens[who]!, `/api/items${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

/** The same items' DTOs as events carry them: entities loaded by the ORM, then toDtos. */
async function entityDtos(ids: number[]): Promise<ItemDto[]> {
  const em = node.deps.orm.em.fork();
  const items = await em.find(Item, { id: { $in: ids } });
  return JSON.parse(JSON.stringify(await toDtos(em, items, false))) as ItemDto[];
}

const byId = (a: ItemDto, b: ItemDto) => a.id - b.id;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  for (const who of ['operator1', 'analyst', 'executor_housing']) tokens[who] = await login(node.url, who);
  // Every part a DTO takes from other tables, with times carrying microseconds.
  const [{ ids } = { ids: [] }] = await sql<{ ids: number[] }>(`select array_agg(id order by id) as ids from (select id from item order by id limit 12) x`);
  const [housing] = await sql<{ id: number }>(`select id from department where code = 'housing_committee'`);
  const [executor] = await sql<{ id: number }>(`select id from app_user where login = 'executor_housing'`);
  const [operator] = await sql<{ id: number }>(`select id from app_user where login = 'operator1'`);
  const [a, b, c, d, e] = ids;
  await sql(`update item set assignee_id = ?, status = 'in_work', author_name = 'Иванова Мария Петровна', link = 'https://vk.com/x',
       text = 'Пишет Иванова Мария, тел. 8 (4712) 51-00-00: во дворе яма' where id = ?`, [operator!.id, a]);
  await sql(
    `update item set department_id = ?, status = 'routed', interim_answered_at = now(), extended_days = 30,
       extension_request = '{"days": 10, "reason": "подрядчик", "by": {"id": 1, "name": "Кто-то"}, "at": "2026-01-01T00:00:00.000Z"}'
     where id in (?, ?)`,
    [housing!.id, b, c],
  );
  // Reopened by a low rating after its interim answer: the card must see that the interim no longer counts.
  await sql(`update item set reopened_at = now() + interval '1.5 seconds' where id = ?`, [c]);
  await sql(`update item set status = 'closed', close_result = 'resolved', closed_at = now(), merged_into_id = ?, return_count = 2 where id = ?`, [a, d]);
  await sql(`insert into item_answer (item_id, text, author_id, state, updated_at, sent_at, sent_via) values (?, 'Ответ', ?, 'approved', now(), now(), 'vk'), (?, 'Черновик', ?, 'draft', now(), null, null),
       (?, 'Уважаемая Мария Петровна! Яму засыплем.', ?, 'draft', now(), null, null)`, [b, executor!.id, e, executor!.id, a, executor!.id]);
  await sql(
    `insert into attachment (item_id, name, mime, size, data, uploaded_by, created_at)
     values (?, 'акт.pdf', 'application/pdf', 3, '\\x000102', ?, now()), (?, 'фото.jpg', 'image/jpeg', 1, '\\x00', ?, now())`,
    [b, executor!.id, b, executor!.id],
  );
  // Files in the opposite order of their ids: the answer's order is the position.
  await sql(`insert into answer_attachment (item_id, attachment_id, position) select ?, id, 10 - id from attachment where item_id = ?`, [b, b]);
  await sql(
    `insert into item_rating (item_id, score, source, department_id, at) values (?, 2, 'ingest', null, now() - interval '1 day'), (?, 5, 'call_centre', null, now())`,
    [c, c],
  );
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

describe('the queue snapshot read straight from SQL', () => {
  it('has exactly the DTOs the ORM path builds for events, for every item', async () => {
    const snap = await snapshot('operator1');
    const rows = [...snap.items].sort(byId);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toEqual((await entityDtos(rows.map((i) => i.id))).sort(byId));
    const withParts = rows.filter((i) => i.answer || i.rating || i.assignee || i.deadlines?.interimAnsweredAt || i.mergedIntoId);
    expect(withParts.length).toBeGreaterThanOrEqual(5);
    const reopened = rows.filter((i) => i.deadlines?.reopenedAt);
    expect(reopened).toHaveLength(1);
    expect(Date.parse(reopened[0]!.deadlines!.reopenedAt!)).toBeGreaterThan(Date.parse(reopened[0]!.deadlines!.interimAnsweredAt!));
    const answered = rows.find((i) => i.answer?.state === 'approved')!;
    expect(answered.answer!.attachments.map((f) => f.name)).toEqual(['фото.jpg', 'акт.pdf']);
    expect(rows.find((i) => i.rating)!.rating).toMatchObject({ score: 5, source: 'call_centre' });
  });

  it('reflects exactly the seq it reports, newest items first', async () => {
    const snap = await snapshot('operator1');
    const [last] = await sql<{ seq: string }>('select max(seq) as seq from event');
    expect(snap.seq).toBe(Number(last!.seq));
    const times = snap.items.map((i) => Date.parse(i.receivedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("masks citizens' personal data for analysts", async () => {
    const [open, masked] = await Promise.all([snapshot('operator1'), snapshot('analyst')]);
    const person = open.items.find((i) => i.authorName === 'Иванова Мария Петровна')!;
    const seen = masked.items.find((i) => i.id === person.id)!;
    expect(seen.authorName).toBe(maskPersonName('Иванова Мария Петровна'));
    expect(seen.link).toBeNull();
    expect(masked.items.every((i) => i.link === null)).toBe(true);
    // …and inside the post and the answer to them.
    expect(seen.text).toBe('Пишет И*** М***, тел. ***: во дворе яма');
    expect(seen.answer!.text).toBe('Уважаемая М*** П***! Яму засыплем.');
    const unmasked = { authorName: person.authorName, link: person.link, text: person.text, answer: person.answer };
    expect({ ...seen, ...unmasked }).toEqual(person);
  });

  it("shows an executor only their department's items", async () => {
    const [all, own] = await Promise.all([snapshot('operator1'), snapshot('executor_housing')]);
    const [housing] = await sql<{ id: number }>(`select id from department where code = 'housing_committee'`);
    const expected = all.items.filter((i) => i.departmentId === housing!.id).map((i) => i.id);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(own.items.map((i) => i.id).sort()).toEqual(expected.sort());
  });

  it('filters by status, kind, sector and text, and leaves out long-closed items', async () => {
    const all = (await snapshot('operator1')).items;
    expect((await snapshot('operator1', '?status=routed')).items.map((i) => i.id).sort()).toEqual(all.filter((i) => i.status === 'routed').map((i) => i.id).sort());
    const kind = all[0]!.kind;
    expect((await snapshot('operator1', `?kind=${kind}&limit=5`)).items).toEqual(all.filter((i) => i.kind === kind).slice(0, 5));
    const sector = all.find((i) => i.sector)!.sector!;
    expect((await snapshot('operator1', `?sector=${sector}`)).items.every((i) => i.sector === sector)).toBe(true);
    const word = all[3]!.title.split(' ')[0]!;
    const found = (await snapshot('operator1', `?q=${encodeURIComponent(word.toUpperCase())}`)).items;
    expect(found.map((i) => i.id)).toContain(all[3]!.id);
    expect((await snapshot('operator1', `?q=${encodeURIComponent('100%_\\')}`)).items).toEqual([]);
    await sql(`update item set updated_at = now() - interval '10 days' where status = 'closed'`);
    const closed = all.filter((i) => i.status === 'closed').map((i) => i.id);
    expect(closed.length).toBeGreaterThan(0);
    const recent = (await snapshot('operator1', '?includeClosedDays=7')).items.map((i) => i.id);
    expect(recent.filter((id) => closed.includes(id))).toEqual([]);
    expect((await snapshot('operator1', '?includeClosedDays=30')).items.map((i) => i.id)).toEqual(expect.arrayContaining(closed));
  });
});
