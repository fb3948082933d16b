import {
  canComment,
  canTransition,
  ITEM_STATUSES,
  type DirectoryDto,
  type ErrorBody,
  type ItemDetail,
  type ItemSnapshot,
  type MutationResult,
} from '@okno/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { DEMO_USERS } from '../../seed/users.js';
import { api, createTestDatabase, login, mutationId, startNode, type TestDatabase } from '../../testing/harness.js';

let db: TestDatabase;
let node: Okno;
let sql: pg.Client;
const tokens = new Map<string, string>();
const LOGINS = ['operator1', 'operator2', 'sector_lead', 'executor_housing', 'analyst'] as const;
type Login = (typeof LOGINS)[number];

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  for (const l of LOGINS) tokens.set(l, await login(node.url, l));
});
afterAll(async () => {
  await sql?.end();
  await node?.close();
  await db?.drop();
});

const as = (who: Login) => tokens.get(who)!;
type Answer = { status: number; body: MutationResult & ErrorBody };
const mutate = (who: Login, itemId: number, action: string, body: Record<string, unknown>): Promise<Answer> =>
  api<MutationResult & ErrorBody>(node.url, as(who), `/api/items/${itemId}/${action}`, { mutationId: mutationId(), ...body });

/** Distinct untouched items from the seeded queue, never handed out twice. */
const handedOut = new Set<number>();
async function freshItems(n: number): Promise<number[]> {
  const snap = await api<ItemSnapshot>(node.url, as('operator1'), '/api/items');
  const ids = snap.body.items.filter((i) => i.status === 'new' && !i.assignee && !handedOut.has(i.id)).slice(0, n).map((i) => i.id);
  if (ids.length < n) throw new Error('the seed has too few free items');
  for (const id of ids) handedOut.add(id);
  return ids;
}

async function details(itemId: number): Promise<ItemDetail> {
  return (await api<ItemDetail>(node.url, as('operator1'), `/api/items/${itemId}`)).body;
}

describe('status transitions over REST', () => {
  it('allow exactly what canTransition in shared allows, for each role, from every status to every status', async () => {
    const { rows } = await sql.query<{ department_id: number }>(`select department_id from app_user where login = 'executor_housing'`);
    const department = rows[0]!.department_id; // so the executor can see the item at all
    const who: Login[] = ['operator1', 'sector_lead', 'executor_housing', 'analyst'];
    const items = await freshItems(who.length);
    const mismatches: string[] = [];
    for (const [i, person] of who.entries()) {
      const itemId = items[i]!;
      const roles = DEMO_USERS.find((u) => u.login === person)!.roles;
      for (const from of ITEM_STATUSES) {
        for (const to of ITEM_STATUSES) {
          // Put the item in `from` directly, as another workflow would have left it.
          const { rows: [item] } = await sql.query<{ version: number }>(
            'update item set status = $1, department_id = $2, assignee_id = null where id = $3 returning version',
            [from, department, itemId],
          );
          const res = await mutate(person, itemId, 'status', { version: item!.version, status: to });
          const allowed = canTransition(from, to, roles);
          // A person with no say over statuses at all is refused outright, not per transition.
          const refusal = canComment(roles) ? { status: 409, code: 'invalid_transition' } : { status: 403, code: 'forbidden' };
          const ok = allowed ? res.status === 200 && res.body.item.status === to : res.status === refusal.status && res.body.code === refusal.code;
          if (!ok) mismatches.push(`${person} ${from}→${to}: expected ${allowed ? 200 : `${refusal.status} ${refusal.code}`}, got ${res.status} ${res.body.code ?? ''}`);
          const { rows: [after] } = await sql.query<{ status: string }>('select status from item where id = $1', [itemId]);
          if (after!.status !== (allowed ? to : from)) mismatches.push(`${person} ${from}→${to}: stored status ${after!.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses an operator reopening a closed item with 409 invalid_transition, and lets a sector lead reopen it', async () => {
    // Closing has its own mutation (closing.test.ts in tests/integration); reopening is a status change.
    const [id] = await freshItems(1);
    const claimed = await mutate('operator1', id!, 'claim', {});
    expect(claimed.status).toBe(200);
    const closed = await mutate('operator1', id!, 'close', { version: claimed.body.item.version, result: 'spam' });
    expect(closed.status).toBe(200);
    expect(closed.body.item.status).toBe('closed');
    const version = closed.body.item.version;

    const refused = await mutate('operator1', id!, 'status', { version, status: 'in_work' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invalid_transition');
    expect(refused.body.details).toEqual({ from: 'closed', to: 'in_work' });

    const reopened = await mutate('sector_lead', id!, 'status', { version, status: 'in_work' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.item.status).toBe('in_work');
    const changes = (await details(id!)).events.filter((e) => e.data.type === 'item.status_changed').map((e) => e.data);
    expect(changes).toEqual([{ type: 'item.status_changed', from: 'closed', to: 'in_work' }]);
    expect(reopened.body.item.closeResult).toBeNull();
  });
});

describe('categorise', () => {
  it('refuses a category of another sector with 400 validation and changes nothing', async () => {
    const [id] = await freshItems(1);
    const directory = (await api<DirectoryDto>(node.url, as('operator1'), '/api/directory')).body;
    const roads = directory.categories.find((c) => c.sector === 'roads')!;
    const before = (await details(id!)).item;

    const refused = await mutate('operator1', id!, 'categorise', { version: before.version, sector: 'housing', categoryId: roads.id });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation');
    expect(refused.body.details).toEqual({ field: 'categoryId' });
    const unknown = await mutate('operator1', id!, 'categorise', { version: before.version, sector: 'roads', categoryId: 999_999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation');
    const untouched = await details(id!);
    expect(untouched.item).toEqual(before);
    expect(untouched.events.some((e) => e.data.type === 'item.categorised')).toBe(false);

    const accepted = await mutate('operator1', id!, 'categorise', { version: before.version, sector: 'roads', categoryId: roads.id });
    expect(accepted.status).toBe(200);
    expect(accepted.body.item).toMatchObject({ sector: 'roads', categoryId: roads.id, version: before.version + 1 });
  });

  it('refuses to recategorise or release a closed item', async () => {
    const [id] = await freshItems(1);
    const claimed = await mutate('operator1', id!, 'claim', {});
    const closed = await mutate('operator1', id!, 'close', { version: claimed.body.item.version, result: 'spam' });
    expect(closed.status).toBe(200);
    const version = closed.body.item.version;
    const recategorised = await mutate('operator1', id!, 'categorise', { version, sector: 'roads', categoryId: null });
    expect(recategorised.status).toBe(409);
    expect(recategorised.body.code).toBe('invalid_transition');
    const released = await mutate('operator1', id!, 'release', { version });
    expect(released.status).toBe(409);
    expect((await details(id!)).item).toMatchObject({ status: 'closed', version });
  });
});

describe('escalate', () => {
  it('climbs operator → sector_lead → head → curator one step at a time, then refuses with invalid_transition', async () => {
    const [id] = await freshItems(1);
    let item = (await details(id!)).item;
    expect(item.escalationLevel).toBe('operator');
    for (const level of ['sector_lead', 'head', 'curator'] as const) {
      const res = await mutate('operator1', id!, 'escalate', { version: item.version, reason: `Нет реакции, поднимаю до ${level}` });
      expect(res.status).toBe(200);
      expect(res.body.item.escalationLevel).toBe(level);
      item = res.body.item;
    }
    const top = await mutate('operator1', id!, 'escalate', { version: item.version, reason: 'Ещё выше' });
    expect(top.status).toBe(409);
    expect(top.body.code).toBe('invalid_transition');
    const after = await details(id!);
    expect(after.item.escalationLevel).toBe('curator');
    expect(after.events.filter((e) => e.data.type === 'item.escalated').map((e) => e.data)).toEqual([
      { type: 'item.escalated', from: 'operator', to: 'sector_lead', reason: 'Нет реакции, поднимаю до sector_lead' },
      { type: 'item.escalated', from: 'sector_lead', to: 'head', reason: 'Нет реакции, поднимаю до head' },
      { type: 'item.escalated', from: 'head', to: 'curator', reason: 'Нет реакции, поднимаю до curator' },
    ]);
  });
});

describe('release', () => {
  it('refuses release by an operator who does not hold the item (403 forbidden); a sector lead may release it', async () => {
    const [id] = await freshItems(1);
    const claimed = await mutate('operator1', id!, 'claim', {});
    expect(claimed.status).toBe(200);
    const version = claimed.body.item.version;

    const refused = await mutate('operator2', id!, 'release', { version });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await details(id!)).item.assignee?.id).toBe(claimed.body.item.assignee!.id);

    const released = await mutate('sector_lead', id!, 'release', { version });
    expect(released.status).toBe(200);
    expect(released.body.item).toMatchObject({ assignee: null, status: 'new' });
    const last = (await details(id!)).events.at(-1)!;
    expect(last.data).toEqual({ type: 'item.released', previous: claimed.body.item.assignee });
    expect(last.actor?.name).toBe(DEMO_USERS.find((u) => u.login === 'sector_lead')!.name);
  });

  it('lets the holder release their own item', async () => {
    const [id] = await freshItems(1);
    const claimed = await mutate('operator2', id!, 'claim', {});
    const released = await mutate('operator2', id!, 'release', { version: claimed.body.item.version });
    expect(released.status).toBe(200);
    expect(released.body.item.assignee).toBeNull();
  });
});
