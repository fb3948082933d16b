import type { Ack, ItemSnapshot, ItemTyping, MutationResult, NotificationDto, NotificationList, SavedViewDto, SavedViewList } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, request } from './workflow-helpers.js';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
const tokens: Record<string, string> = {};
let housingItemId: number;
let unroutedItemId: number;
const sockets: ClientSocket[] = [];

async function socketOf(who: string): Promise<ClientSocket> {
  const s = await openSocket(node.url, tokens[who]!);
  sockets.push(s);
  return s;
}

const call = <T>(who: string, method: string, path: string, body?: unknown) => request<T>(node.url, tokens[who]!, method, path, body);

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  for (const who of ['operator1', 'operator2', 'executor_housing', 'executor_roads', 'sector_lead']) tokens[who] = await login(node.url, who);
  const snap = await api<ItemSnapshot>(node.url, tokens.operator1!, '/api/items');
  const open = snap.body.items.filter((i) => i.status === 'new' && i.departmentId === null);
  housingItemId = open[0]!.id;
  unroutedItemId = open[1]!.id;
  // Place one item in the housing committee, as routing does.
  const [housing] = await query<{ department_id: number }>(db.url, `select department_id from app_user where login = 'executor_housing'`);
  await query(db.url, 'update item set department_id = $1 where id = $2', [housing!.department_id, housingItemId]);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await node?.close();
  await db?.drop();
});

describe('@mentions', () => {
  it('notifies the mentioned person live, and not someone who cannot see the item', async () => {
    const [op2, housing, roads] = await Promise.all([socketOf('operator2'), socketOf('executor_housing'), socketOf('executor_roads')]);
    const got: Record<string, NotificationDto[]> = { op2: [], housing: [], roads: [] };
    op2.on('notification:new', (n) => got.op2!.push(n));
    housing.on('notification:new', (n) => got.housing!.push(n));
    roads.on('notification:new', (n) => got.roads!.push(n));

    const text = 'Коллеги @operator2, @executor_housing и @executor_roads: проверьте адрес. Я сам (@operator1) тоже смотрю, заявитель звонил повторно.';
    const res = await api<MutationResult>(node.url, tokens.operator1!, `/api/items/${housingItemId}/comment`, { mutationId: mutationId(), text });
    expect(res.status).toBe(200);

    await expect.poll(() => got.op2!.length).toBe(1);
    await expect.poll(() => got.housing!.length).toBe(1);
    const note = got.op2![0]!;
    expect(note).toMatchObject({ kind: 'mentioned', itemId: housingItemId, readAt: null });
    expect(note.text).toBe(`Смирнова Ольга Викторовна упомянул(а) вас в №${housingItemId}: ${text.slice(0, 119)}…`);

    // The roads executor cannot see a housing item; the author is not told about themself.
    await new Promise((r) => setTimeout(r, 300));
    expect(got.roads).toEqual([]);
    const mine = await api<NotificationList>(node.url, tokens.operator1!, '/api/notifications');
    expect(mine.body.notifications.filter((n) => n.kind === 'mentioned')).toEqual([]);
    const roadsList = await api<NotificationList>(node.url, tokens.executor_roads!, '/api/notifications');
    expect(roadsList.body.notifications.filter((n) => n.kind === 'mentioned')).toEqual([]);

    // The notification centre lists it as unread until marked read.
    const list = await api<NotificationList>(node.url, tokens.operator2!, '/api/notifications');
    expect(list.body.unread).toBeGreaterThanOrEqual(1);
    expect(list.body.notifications[0]!.id).toBe(note.id);
    const read = await api<{ unread: number }>(node.url, tokens.operator2!, '/api/notifications/read', { ids: [note.id] });
    expect(read.body.unread).toBe(list.body.unread - 1);
  });

  it('notifies nobody for a retried comment (same mutation id)', async () => {
    const op2 = await socketOf('operator2');
    const got: NotificationDto[] = [];
    op2.on('notification:new', (n) => got.push(n));
    const body = { mutationId: mutationId(), text: '@operator2 повтор' };
    await api(node.url, tokens.operator1!, `/api/items/${unroutedItemId}/comment`, body);
    await api(node.url, tokens.operator1!, `/api/items/${unroutedItemId}/comment`, body);
    await expect.poll(() => got.length).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toHaveLength(1);
  });
});

describe('typing indicator', () => {
  it('reaches another viewer of the item and not the typist', async () => {
    const [typist, typistOtherTab, viewer, elsewhere] = await Promise.all([
      socketOf('operator1'),
      socketOf('operator1'),
      socketOf('operator2'),
      socketOf('sector_lead'),
    ]);
    for (const s of [typist, typistOtherTab, viewer]) {
      const ack = (await s.emitWithAck('item:view', { itemId: unroutedItemId })) as Ack<unknown>;
      expect(ack.ok).toBe(true);
    }
    await elsewhere.emitWithAck('item:view', { itemId: housingItemId });
    const heard: Record<string, ItemTyping[]> = { typist: [], otherTab: [], viewer: [], elsewhere: [] };
    typist.on('presence:typing', (t) => heard.typist!.push(t));
    typistOtherTab.on('presence:typing', (t) => heard.otherTab!.push(t));
    viewer.on('presence:typing', (t) => heard.viewer!.push(t));
    elsewhere.on('presence:typing', (t) => heard.elsewhere!.push(t));

    const ack = (await typist.emitWithAck('item:typing', { itemId: unroutedItemId, field: 'comment' })) as Ack<null>;
    expect(ack).toEqual({ ok: true, data: null });
    await expect.poll(() => heard.viewer!.length).toBe(1);
    expect(heard.viewer![0]).toEqual({ itemId: unroutedItemId, field: 'comment', user: { id: expect.any(Number), name: 'Смирнова Ольга Викторовна' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.typist).toEqual([]);
    expect(heard.otherTab).toEqual([]);
    expect(heard.elsewhere).toEqual([]);
  });

  it('refuses an executor typing on an item of another department as not found', async () => {
    const roads = await socketOf('executor_roads');
    const ack = (await roads.emitWithAck('item:typing', { itemId: housingItemId, field: 'answer' })) as Ack<null>;
    expect(!ack.ok && ack.error.code).toBe('not_found');
    const housing = await socketOf('executor_housing');
    const own = (await housing.emitWithAck('item:typing', { itemId: housingItemId, field: 'answer' })) as Ack<null>;
    expect(own.ok).toBe(true);
  });

  it('refuses a malformed payload with a validation error', async () => {
    const s = await socketOf('operator1');
    const ack = (await s.emitWithAck('item:typing', { itemId: unroutedItemId, field: 'title' } as never)) as Ack<null>;
    expect(!ack.ok && ack.error.code).toBe('validation');
  });
});

describe('saved views', () => {
  it('seeds shared views that everyone sees', async () => {
    const list = await call<SavedViewList>('operator1', 'GET', '/api/views');
    const names = list.body.views.map((v) => v.name);
    expect(names).toContain('Мои просроченные');
    expect(names.some((n) => n.startsWith('ТКО'))).toBe(true);
    const overdue = list.body.views.find((v) => v.name === 'Мои просроченные')!;
    expect(overdue).toMatchObject({ shared: true, query: '?assignee=me&risk=overdue', canManage: false });
  });

  it('keeps a personal view to its owner; sharing shows it to all, and only the owner or a lead may change it', async () => {
    const created = await call<SavedViewDto>('operator1', 'POST', '/api/views', { name: 'ЖКХ у меня', query: '?sector=housing&assignee=me' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ЖКХ у меня', shared: false, canManage: true });
    const id = created.body.id;

    const dup = await call<{ code: string }>('operator1', 'POST', '/api/views', { name: 'ЖКХ у меня', query: '' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate');
    // The same name is fine for someone else.
    expect((await call('operator2', 'POST', '/api/views', { name: 'ЖКХ у меня', query: '' })).status).toBe(201);

    const seenBy = async (who: string) => (await call<SavedViewList>(who, 'GET', '/api/views')).body.views.find((v) => v.id === id);
    expect(await seenBy('operator2')).toBeUndefined();
    expect((await call('operator2', 'PATCH', `/api/views/${id}`, { version: created.body.version, name: 'чужое' })).status).toBe(404);
    expect((await call('sector_lead', 'DELETE', `/api/views/${id}`)).status).toBe(404);

    const shared = await call<SavedViewDto>('operator1', 'PATCH', `/api/views/${id}`, { version: created.body.version, shared: true, name: 'ЖКХ — общий' });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ shared: true, name: 'ЖКХ — общий' });
    expect(await seenBy('operator2')).toMatchObject({ name: 'ЖКХ — общий', canManage: false });
    expect(await seenBy('sector_lead')).toMatchObject({ canManage: true });

    const refused = await call<{ code: string }>('operator2', 'PATCH', `/api/views/${id}`, { version: shared.body.version, name: 'моё' });
    expect(refused.status).toBe(403);
    const stale = await call<{ code: string }>('operator1', 'PATCH', `/api/views/${id}`, { version: created.body.version, name: 'старое' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');

    const byLead = await call<SavedViewDto>('sector_lead', 'PATCH', `/api/views/${id}`, { version: shared.body.version, query: '?sector=housing' });
    expect(byLead.body).toMatchObject({ query: '?sector=housing', owner: { name: 'Смирнова Ольга Викторовна' } });
    expect((await call('operator2', 'DELETE', `/api/views/${id}`)).status).toBe(403);
    expect((await call('sector_lead', 'DELETE', `/api/views/${id}`)).status).toBe(204);
    expect(await seenBy('operator1')).toBeUndefined();
  });

  it('keeps a view\'s search text as the address carries it (q=, percent-encoded), and renames it', async () => {
    const query = `?kind=appeal&q=${encodeURIComponent('Курск Ленина')}`;
    const created = await call<SavedViewDto>('operator1', 'POST', '/api/views', { name: 'Обращения: Курск', query });
    expect(created.status).toBe(201);
    const renamed = await call<SavedViewDto>('operator1', 'PATCH', `/api/views/${created.body.id}`, { version: created.body.version, name: 'Курск, Ленина' });
    expect(renamed.body).toMatchObject({ name: 'Курск, Ленина', query });
    const listed = (await call<SavedViewList>('operator1', 'GET', '/api/views')).body.views.find((v) => v.id === created.body.id);
    expect(new URLSearchParams(listed!.query).get('q')).toBe('Курск Ленина');
  });

  it('refuses a query that is not a queue search string', async () => {
    const res = await call<{ code: string }>('operator1', 'POST', '/api/views', { name: 'плохой', query: 'javascript:alert(1)' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
  });
});
