import type {
  Ack,
  AuditList,
  DirectoryAdminDto,
  DirectoryChanged,
  DirectoryDto,
  ItemEvent,
  ItemSnapshot,
  MutationResult,
  NotificationDto,
  NotificationList,
  RouteSuggestionDto,
  SyncResult,
} from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, request } from './workflow-helpers.js';

type Node = Awaited<ReturnType<typeof startNode>>;
type ErrorBody = { code: string; message: string; details?: { field?: string } };
let db: TestDatabase;
let a: Node;
let b: Node;
const t: Record<'admin' | 'operator' | 'head' | 'housing' | 'roads', string> = { admin: '', operator: '', head: '', housing: '', roads: '' };
let dir: DirectoryDto;
const dept = (code: string) => dir.departments.find((d) => d.code === code)!.id;
const category = (code: string) => dir.categories.find((c) => c.code === code)!.id;
const territory = (code: string) => dir.territories.find((x) => x.code === code)!.id;

const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => query<R>(db.url, text, params);

const suggest = async (q: string) => (await api<RouteSuggestionDto>(a.url, t.operator, `/api/routing/suggest?${q}`)).body.suggestion;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startNode(db.url, { redis: true, nodeId: 'node-a' });
  b = await startNode(db.url, { redis: true, seed: false, nodeId: 'node-b' });
  const logins = { admin: 'admin', operator: 'operator1', head: 'head', housing: 'executor_housing', roads: 'executor_roads' } as const;
  await Promise.all(Object.entries(logins).map(async ([key, name]) => (t[key as keyof typeof t] = await login(a.url, name))));
  dir = (await api<DirectoryDto>(a.url, t.operator, '/api/directory')).body;
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await db?.drop();
});

describe('the directory', () => {
  it('lists bodies with kind, territories and state, people with logins and departments, and the rules', () => {
    const housing = dir.departments.find((d) => d.code === 'housing_committee')!;
    expect(housing).toMatchObject({ kind: 'admin_unit', active: true });
    expect(housing.territoryIds.length).toBeGreaterThan(0);
    expect(new Set(dir.departments.map((d) => d.kind)).size).toBe(5);
    expect(dir.users.find((u) => u.login === 'executor_housing')?.departmentId).toBe(housing.id);
    expect(dir.routingRules.length).toBeGreaterThan(20);
  });
});

describe('routing rules through the REST API', () => {
  it('resolves the most specific rule the administrator created', async () => {
    const animals = category('other.animals');
    const base = `sector=other&categoryId=${animals}`;
    expect(await suggest(`${base}&territoryId=${territory('kursk.railway')}`)).toMatchObject({ departmentId: dept('city_admin'), match: 'sector_territory' });

    const byCategory = await request<DirectoryAdminDto>(a.url, t.admin, 'POST', '/api/routing/rules', { sector: 'other', categoryId: animals, departmentId: dept('ecology_ministry') });
    expect(byCategory.status).toBe(200);
    expect(await suggest(`${base}&territoryId=${territory('kursk.railway')}`)).toMatchObject({ departmentId: dept('ecology_ministry'), match: 'category' });

    const local = await request<DirectoryAdminDto>(a.url, t.admin, 'POST', '/api/routing/rules', {
      sector: 'other',
      categoryId: animals,
      territoryId: territory('kursk.railway'),
      departmentId: dept('city_admin'),
    });
    expect(local.status).toBe(200);
    expect(await suggest(`${base}&territoryId=${territory('kursk.railway')}`)).toMatchObject({ departmentId: dept('city_admin'), match: 'category_territory' });
    expect(await suggest(`${base}&territoryId=${territory('kursk.central')}`)).toMatchObject({ departmentId: dept('ecology_ministry'), match: 'category' });
  });

  it('refuses a duplicate rule and one for a territory the body does not cover', async () => {
    const dup = await request<ErrorBody>(a.url, t.admin, 'POST', '/api/routing/rules', { sector: 'other', categoryId: category('other.animals'), departmentId: dept('ecology_ministry') });
    expect([dup.status, dup.body.code]).toEqual([409, 'duplicate']);
    const outside = await request<ErrorBody>(a.url, t.admin, 'POST', '/api/routing/rules', {
      sector: 'other',
      categoryId: category('other.trade'),
      territoryId: territory('kurchatov'),
      departmentId: dept('city_admin'),
    });
    expect([outside.status, outside.body.code]).toEqual([400, 'validation']);
  });

  it('edits and deletes a rule with its version, refusing a stale one', async () => {
    const admin = (await request<DirectoryAdminDto>(a.url, t.admin, 'GET', '/api/routing/directory')).body;
    const rule = admin.rules.find((r) => r.categoryId === category('other.animals') && r.territoryId === null)!;
    const moved = await request<DirectoryAdminDto>(a.url, t.admin, 'PUT', `/api/routing/rules/${rule.id}`, { ...rule, departmentId: dept('city_admin'), territoryId: territory('kursk.seym') });
    expect(moved.status).toBe(200);
    const stale = await request<ErrorBody>(a.url, t.admin, 'DELETE', `/api/routing/rules/${rule.id}?version=${rule.version}`);
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict']);
    const fresh = moved.body.rules.find((r) => r.id === rule.id)!;
    expect((await request(a.url, t.admin, 'DELETE', `/api/routing/rules/${rule.id}?version=${fresh.version}`)).status).toBe(200);
  });

  it('refuses every change to anyone but an administrator, and lets heads read', async () => {
    for (const token of [t.operator, t.head, t.housing]) {
      const res = await request<ErrorBody>(a.url, token, 'POST', '/api/routing/rules', { sector: 'other', departmentId: dept('city_admin') });
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    }
    expect((await request(a.url, t.head, 'GET', '/api/routing/directory')).status).toBe(200);
    expect((await request(a.url, t.head, 'GET', '/api/routing/audit')).status).toBe(200);
    expect((await request(a.url, t.operator, 'GET', '/api/routing/audit')).status).toBe(403);
    expect((await request(a.url, t.housing, 'PATCH', `/api/routing/departments/${dept('roads_dept')}`, { version: 1, active: false })).status).toBe(403);
  });
});

/** Waits for the first event of a type on an item. */
const nextEvent = (socket: ClientSocket, itemId: number, type: ItemEvent['data']['type']) =>
  new Promise<ItemEvent>((resolve) => {
    const on = (e: ItemEvent) => {
      if (e.itemId !== itemId || e.data.type !== type) return;
      socket.off('item:event', on);
      resolve(e);
    };
    socket.on('item:event', on);
  });

describe('routing an item', () => {
  let item: MutationResult['item'];
  let op: ClientSocket;
  let housing: ClientSocket;
  let roads: ClientSocket;
  let seqBefore = 0;

  beforeAll(async () => {
    const snap = (await api<ItemSnapshot>(a.url, t.operator, '/api/items')).body;
    seqBefore = snap.seq;
    const candidate = snap.items.find((i) => i.status === 'new' && i.departmentId === null)!;
    // The operator's socket is on node A, the executors' on node B: the Redis adapter carries the events.
    [op, housing, roads] = await Promise.all([openSocket(a.url, t.operator), openSocket(b.url, t.housing), openSocket(b.url, t.roads)]);
    await sql('update item set territory_id = $1 where id = $2', [territory('kursk.central'), candidate.id]);
    const categorised = (await op.emitWithAck('item:categorise', {
      mutationId: mutationId(),
      itemId: candidate.id,
      version: candidate.version,
      sector: 'housing',
      categoryId: category('housing.heating'),
    })) as Ack<MutationResult>;
    if (!categorised.ok) throw new Error(categorised.error.message);
    item = categorised.data.item;
  });
  afterAll(() => [op, housing, roads].forEach((s) => s?.close()));

  it('routes to the suggested body: status, event, live delivery and a notification for its executors', async () => {
    expect(await suggest(`sector=housing&categoryId=${category('housing.heating')}&territoryId=${territory('kursk.central')}`)).toMatchObject({
      departmentId: dept('housing_committee'),
    });
    const seen = nextEvent(housing, item.id, 'item.routed');
    const noticed = new Promise<NotificationDto>((resolve) => housing.once('notification:new', resolve));
    const roadsGot: ItemEvent[] = [];
    roads.on('item:event', (e) => roadsGot.push(e));
    const ack = (await op.emitWithAck('item:route', { mutationId: mutationId(), itemId: item.id, version: item.version, departmentId: dept('housing_committee') })) as Ack<MutationResult>;
    if (!ack.ok) throw new Error(ack.error.message);
    item = ack.data.item;
    expect(item).toMatchObject({ status: 'routed', departmentId: dept('housing_committee') });
    const event = await seen;
    expect(event.data).toEqual({ type: 'item.routed', from: null, to: dept('housing_committee'), reason: null, suggested: true });
    const notice = await noticed;
    expect(notice).toMatchObject({ kind: 'routed', itemId: item.id });
    expect(notice.text).toContain(`№${item.id}`);
    const list = (await api<NotificationList>(a.url, t.housing, '/api/notifications')).body;
    expect(list.notifications.some((n) => n.kind === 'routed' && n.itemId === item.id)).toBe(true);
    expect((await api(a.url, t.housing, `/api/items/${item.id}`)).status).toBe(200);
    expect((await api(a.url, t.roads, `/api/items/${item.id}`)).status).toBe(404);
    expect(roadsGot.filter((e) => e.itemId === item.id)).toEqual([]);
  });

  it('re-routes only with a reason, and not to the body that already has it', async () => {
    const bare = (await op.emitWithAck('item:route', { mutationId: mutationId(), itemId: item.id, version: item.version, departmentId: dept('roads_dept') })) as Ack<MutationResult>;
    expect(!bare.ok && [bare.error.code, (bare.error.details as { field?: string }).field]).toEqual(['validation', 'reason']);
    const same = (await op.emitWithAck('item:route', { mutationId: mutationId(), itemId: item.id, version: item.version, departmentId: dept('housing_committee'), reason: 'ещё раз' })) as Ack<MutationResult>;
    expect(!same.ok && same.error.code).toBe('invalid_transition');
    const executor = await request<ErrorBody>(a.url, t.housing, 'POST', `/api/items/${item.id}/route`, { mutationId: mutationId(), version: item.version, departmentId: dept('roads_dept'), reason: 'не наше' });
    expect([executor.status, executor.body.code]).toEqual([403, 'forbidden']);
  });

  it('moves the item: the new department sees it at once, the previous one loses it live, over REST and on replay', async () => {
    const gained = nextEvent(roads, item.id, 'item.routed');
    const lost = nextEvent(housing, item.id, 'item.routed');
    const res = await api<MutationResult>(a.url, t.operator, `/api/items/${item.id}/route`, {
      mutationId: mutationId(),
      version: item.version,
      departmentId: dept('roads_dept'),
      reason: 'Яма во дворе, а не отопление',
    });
    expect(res.status).toBe(200);
    const [g, l] = await Promise.all([gained, lost]);
    expect(g.data).toEqual({ type: 'item.routed', from: dept('housing_committee'), to: dept('roads_dept'), reason: 'Яма во дворе, а не отопление', suggested: false });
    expect(l.item.departmentId).toBe(dept('roads_dept'));

    expect((await api(a.url, t.roads, `/api/items/${item.id}`)).status).toBe(200);
    expect((await api(b.url, t.housing, `/api/items/${item.id}`)).status).toBe(404);
    const housingList = (await api<ItemSnapshot>(a.url, t.housing, '/api/items')).body.items.map((i) => i.id);
    const roadsList = (await api<ItemSnapshot>(a.url, t.roads, '/api/items')).body.items.map((i) => i.id);
    expect([housingList.includes(item.id), roadsList.includes(item.id)]).toEqual([false, true]);

    const replay = async (socket: ClientSocket) => {
      const ack = (await socket.emitWithAck('sync', { sinceSeq: seqBefore })) as Ack<SyncResult>;
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.data.events.filter((e) => e.itemId === item.id).map((e) => [e.data.type, e.item.departmentId]);
    };
    // The previous department replays both routings (the second drops the item); the new one only its own.
    expect(await replay(housing)).toEqual([['item.routed', dept('housing_committee')], ['item.routed', dept('roads_dept')]]);
    expect(await replay(roads)).toEqual([['item.routed', dept('roads_dept')]]);
  });

  it('keeps later events of the item away from the department that lost it', async () => {
    const housingGot: ItemEvent[] = [];
    housing.on('item:event', (e) => housingGot.push(e));
    const seen = nextEvent(roads, item.id, 'item.commented');
    const ack = (await op.emitWithAck('item:comment', { mutationId: mutationId(), itemId: item.id, text: 'Передано дорожникам' })) as Ack<MutationResult>;
    expect(ack.ok).toBe(true);
    await seen;
    expect(housingGot.filter((e) => e.itemId === item.id)).toEqual([]);
  });

  it('asks a reason to move an item taken back into work away from its department too', async () => {
    const current = (await api<{ item: MutationResult['item'] }>(a.url, t.operator, `/api/items/${item.id}`)).body.item;
    const back = await api<MutationResult>(a.url, t.operator, `/api/items/${item.id}/status`, { mutationId: mutationId(), version: current.version, status: 'in_work' });
    expect(back.status).toBe(200);
    expect(back.body.item).toMatchObject({ status: 'in_work', departmentId: dept('roads_dept') });
    const move = (reason?: string) =>
      api<MutationResult & ErrorBody>(a.url, t.operator, `/api/items/${item.id}/route`, { mutationId: mutationId(), version: back.body.item.version, departmentId: dept('housing_committee'), reason });
    const bare = await move();
    expect([bare.status, bare.body.code, bare.body.details?.field]).toEqual([400, 'validation', 'reason']);
    const moved = await move('Снова отопление: ошиблись с переадресацией');
    expect(moved.status).toBe(200);
    expect(moved.body.item.departmentId).toBe(dept('housing_committee'));
  });
});

describe('departments and executors', () => {
  it('creates a body, assigns an executor who then sees its items, deactivates it, and audits each step', async () => {
    const [executor] = await sql<{ id: number }>(
      `insert into app_user (login, name, password_hash, roles, sectors, created_at, updated_at)
       select 'executor_uk', 'Тестов Исполнитель', password_hash, '{executor}', '{housing}', now(), now() from app_user where login = 'executor_housing' returning id`,
    );
    const created = await request<DirectoryAdminDto>(a.url, t.admin, 'POST', '/api/routing/departments', {
      code: 'uk_railway',
      name: 'ООО «УК „Железнодорожная“»',
      kind: 'management_company',
      sectors: ['housing'],
      territoryIds: [territory('kursk.railway')],
    });
    expect(created.status).toBe(200);
    const uk = created.body.departments.find((d) => d.code === 'uk_railway')!;
    expect(uk).toMatchObject({ kind: 'management_company', territoryIds: [territory('kursk.railway')], active: true, executorIds: [] });
    expect((await request<ErrorBody>(a.url, t.admin, 'POST', '/api/routing/departments', { code: 'uk_railway', name: 'Ещё одна', kind: 'admin_unit', sectors: ['housing'] })).body.code).toBe('duplicate');

    const notExecutor = await request<ErrorBody>(a.url, t.admin, 'POST', `/api/routing/departments/${uk.id}/executors`, { userId: dir.users.find((u) => u.login === 'operator1')!.id });
    expect([notExecutor.status, notExecutor.body.code]).toEqual([400, 'validation']);
    const assigned = await request<DirectoryAdminDto>(a.url, t.admin, 'POST', `/api/routing/departments/${uk.id}/executors`, { userId: executor!.id });
    expect(assigned.body.departments.find((d) => d.id === uk.id)!.executorIds).toEqual([executor!.id]);

    const item = (await api<ItemSnapshot>(a.url, t.operator, '/api/items')).body.items.find((i) => i.status === 'new' && i.departmentId === null)!;
    const routed = await api<MutationResult>(a.url, t.operator, `/api/items/${item.id}/route`, { mutationId: mutationId(), version: item.version, departmentId: uk.id });
    expect(routed.status).toBe(200);
    const ukToken = await login(a.url, 'executor_uk');
    expect((await api<ItemSnapshot>(a.url, ukToken, '/api/items')).body.items.map((i) => i.id)).toEqual([item.id]);

    const off = await request<DirectoryAdminDto>(a.url, t.admin, 'PATCH', `/api/routing/departments/${uk.id}`, { version: uk.version, active: false });
    expect(off.body.departments.find((d) => d.id === uk.id)!.active).toBe(false);
    const other = (await api<ItemSnapshot>(a.url, t.operator, '/api/items')).body.items.find((i) => i.status === 'new' && i.departmentId === null)!;
    const refused = await api<ErrorBody>(a.url, t.operator, `/api/items/${other.id}/route`, { mutationId: mutationId(), version: other.version, departmentId: uk.id });
    expect([refused.status, refused.body.code, refused.body.details?.field]).toEqual([400, 'validation', 'departmentId']);

    const unassigned = await request<DirectoryAdminDto>(a.url, t.admin, 'DELETE', `/api/routing/departments/${uk.id}/executors/${executor!.id}`);
    expect(unassigned.body.executors.find((e) => e.id === executor!.id)!.departmentId).toBeNull();

    const audit = (await request<AuditList>(a.url, t.admin, 'GET', '/api/routing/audit?limit=50')).body.entries;
    const steps = audit.filter((e) => (e.entity === 'department' && e.entityId === uk.id) || (e.entity === 'executor' && e.entityId === executor!.id));
    expect(steps.map((e) => `${e.entity}:${e.action}`).reverse()).toEqual(['department:create', 'executor:assign', 'department:deactivate', 'executor:unassign']);
    expect(steps.every((e) => e.actor?.name && e.at)).toBe(true);
    const rulesOnly = (await request<AuditList>(a.url, t.admin, 'GET', '/api/routing/audit?entity=routing_rule')).body.entries;
    expect(rulesOnly.length).toBeGreaterThanOrEqual(4);
    expect(rulesOnly.every((e) => e.entity === 'routing_rule')).toBe(true);
  });

  it('tells every open page on every node that the directory changed, once per committed change', async () => {
    const [executorOnB, operatorOnA] = await Promise.all([openSocket(b.url, t.roads), openSocket(a.url, t.operator)]);
    const heard: Array<{ who: string; change: DirectoryChanged }> = [];
    executorOnB.on('directory:changed', (change) => heard.push({ who: 'executor', change }));
    operatorOnA.on('directory:changed', (change) => heard.push({ who: 'operator', change }));
    try {
      // Refused changes commit nothing and announce nothing.
      expect((await request(a.url, t.operator, 'POST', '/api/routing/rules', { sector: 'other', departmentId: dept('city_admin') })).status).toBe(403);
      expect((await request(a.url, t.admin, 'POST', '/api/routing/departments', { code: 'X', name: '', kind: 'admin_unit', sectors: [] })).status).toBe(400);
      const created = await request<DirectoryAdminDto>(a.url, t.admin, 'POST', '/api/routing/departments', {
        code: 'live_notice', name: 'МКУ «Живое уведомление»', kind: 'municipal_institution', sectors: ['other'],
      });
      expect(created.status).toBe(200);
      await expect.poll(() => heard.length).toBe(2);
      const adminId = dir.users.find((u) => u.login === 'admin')!.id;
      expect(heard.map((h) => h.who).sort()).toEqual(['executor', 'operator']);
      expect(heard.every((h) => h.change.byUserId === adminId && !Number.isNaN(Date.parse(h.change.at)))).toBe(true);
      // What a page refetches then already holds the change.
      const after = (await api<DirectoryDto>(b.url, t.operator, '/api/directory')).body;
      expect(after.departments.some((d) => d.code === 'live_notice')).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toHaveLength(2);
    } finally {
      executorOnB.close();
      operatorOnA.close();
    }
  });

  it('refuses a change of territories that would leave a rule outside the body', async () => {
    const city = (await request<DirectoryAdminDto>(a.url, t.admin, 'GET', '/api/routing/directory')).body.departments.find((d) => d.code === 'city_admin')!;
    const res = await request<ErrorBody>(a.url, t.admin, 'PATCH', `/api/routing/departments/${city.id}`, { version: city.version, territoryIds: [territory('kursk.central')] });
    expect([res.status, res.body.code]).toEqual([400, 'validation']);
  });

  it('keeps the audit append-only in the database itself', async () => {
    await expect(sql('update audit_log set action = $1', ['update'])).rejects.toThrow(/append-only/);
    await expect(sql('delete from audit_log')).rejects.toThrow(/append-only/);
  });
});
