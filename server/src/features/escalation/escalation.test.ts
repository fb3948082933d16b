import type { ErrorBody, ItemDetail, ItemSnapshot, MutationResult, NotificationList } from '@okno/shared';
import type pg from 'pg';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '../../testing/harness.js';
import { closeExistingItems, ingestItems, msk, sqlClient } from './test-helpers.js';

let db: TestDatabase;
let node: Okno;
let sql: pg.Client;
const tokens = new Map<string, string>();
const LOGINS = ['operator1', 'operator2', 'sector_lead', 'head', 'deputy', 'curator'] as const;
type Login = (typeof LOGINS)[number];

beforeAll(async () => {
  db = await createTestDatabase();
  // The test clock: POST /api/test/clock sets it and ticks the scheduler.
  node = await startNode(db.url, { env: { OKNO_TEST_CLOCK: 'true' } });
  sql = await sqlClient(db.url);
  await closeExistingItems(sql);
  for (const l of LOGINS) tokens.set(l, await login(node.url, l));
});
afterAll(async () => {
  await sql?.end();
  await node?.close();
  await db?.drop();
});

const as = (who: Login) => tokens.get(who)!;
const mutate = async (who: Login, itemId: number, action: string, body: Record<string, unknown> = {}) => {
  const version = (await api<ItemDetail>(node.url, as('head'), `/api/items/${itemId}`)).body.item.version;
  return api<MutationResult & ErrorBody>(node.url, as(who), `/api/items/${itemId}/${action}`, { mutationId: mutationId(), version, ...body });
};
const inbox = async (who: Login) => (await api<NotificationList>(node.url, as(who), '/api/notifications?limit=500')).body;
const aboutItem = async (who: Login, itemId: number) => (await inbox(who)).notifications.filter((n) => n.itemId === itemId);

describe('notifications for escalation steps (RULES.md: each step notifies the people on that step)', () => {
  it('tells the sector lead of the item’s sector when an operator escalates it', async () => {
    const [id] = await ingestItems(node.url, [{ sector: 'housing' }]);
    const lead = await openSocket(node.url, as('sector_lead'));
    try {
      const live = new Promise((resolve) => lead.on('notification:new', (n) => n.itemId === id && resolve(n)));
      const res = await mutate('operator1', id!, 'escalate', { reason: 'Жалоба повторная' });
      expect(res.body.item.escalationLevel).toBe('sector_lead');
      await expect(live).resolves.toMatchObject({ kind: 'escalated', text: expect.stringContaining('Жалоба повторная') });
    } finally {
      lead.close();
    }
    expect(await aboutItem('head', id!)).toHaveLength(0);
    expect(await aboutItem('operator1', id!)).toHaveLength(0);
  });

  it('tells the head and deputy when no sector lead owns the item’s sector', async () => {
    const [id] = await ingestItems(node.url, [{ sector: 'roads' }]);
    await mutate('operator1', id!, 'escalate', { reason: 'Провал асфальта у школы' });
    expect(await aboutItem('sector_lead', id!)).toHaveLength(0);
    expect(await aboutItem('head', id!)).toHaveLength(1);
    expect(await aboutItem('deputy', id!)).toHaveLength(1);
  });

  it('notifies the curator, not the escalating head, at the top step', async () => {
    const [id] = await ingestItems(node.url, [{ sector: 'housing' }]);
    await mutate('operator1', id!, 'escalate', { reason: 'Нет ответа' });
    await mutate('sector_lead', id!, 'escalate', { reason: 'Требуется решение руководителя' });
    await mutate('head', id!, 'escalate', { reason: 'Нужен куратор' });
    expect(await aboutItem('curator', id!)).toHaveLength(1);
    expect(await aboutItem('head', id!)).toHaveLength(1); // from the sector lead's step, not their own
  });

  it('marks notifications read, only the person’s own', async () => {
    const before = await inbox('head');
    expect(before.unread).toBeGreaterThan(0);
    const first = before.notifications[0]!.id;
    const other = (await inbox('curator')).notifications[0]!.id;
    const res = await api<{ updated: number; unread: number }>(node.url, as('head'), '/api/notifications/read', { ids: [first, other] });
    expect(res.body).toEqual({ updated: 1, unread: before.unread - 1 });
    expect((await inbox('curator')).unread).toBeGreaterThan(0);
    const all = await api<{ updated: number; unread: number }>(node.url, as('head'), '/api/notifications/read', {});
    expect(all.body.unread).toBe(0);
  });
});

describe('de-escalation by the person it reached', () => {
  it('lets only someone on the current step send it back, with a reason, and keeps the history', async () => {
    const [id] = await ingestItems(node.url, [{ sector: 'housing' }]);
    await mutate('operator2', id!, 'claim');
    await mutate('operator1', id!, 'escalate', { reason: 'Нужна проверка' });
    await mutate('sector_lead', id!, 'escalate', { reason: 'Серьёзная авария' });

    for (const who of ['operator1', 'sector_lead', 'curator'] as const) {
      const refused = await mutate(who, id!, 'deescalate', { reason: 'Не моё' });
      expect(refused.status, who).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    const down = await mutate('deputy', id!, 'deescalate', { reason: 'Решается на уровне направления' });
    expect(down.status).toBe(200);
    expect(down.body.item.escalationLevel).toBe('sector_lead');
    expect((await aboutItem('sector_lead', id!)).find((n) => n.kind === 'deescalated')?.text).toContain('Решается на уровне направления');

    const back = await mutate('sector_lead', id!, 'deescalate', { reason: 'Оператор справится' });
    expect(back.body.item.escalationLevel).toBe('operator');
    expect((await aboutItem('operator2', id!)).map((n) => n.kind)).toEqual(['deescalated']); // the holder

    const bottom = await mutate('operator2', id!, 'deescalate', { reason: 'Ниже некуда' });
    expect(bottom.body.code).toBe('invalid_transition');

    const history = (await api<ItemDetail>(node.url, as('head'), `/api/items/${id}`)).body.events
      .filter((e) => e.data.type === 'item.escalated' || e.data.type === 'item.deescalated')
      .map((e) => [e.data.type, 'from' in e.data ? e.data.from : '', 'to' in e.data ? e.data.to : '', e.actor?.name ?? null]);
    expect(history.map((h) => h.slice(0, 3))).toEqual([
      ['item.escalated', 'operator', 'sector_lead'],
      ['item.escalated', 'sector_lead', 'head'],
      ['item.deescalated', 'head', 'sector_lead'],
      ['item.deescalated', 'sector_lead', 'operator'],
    ]);
  });

  it('refuses a sector lead for an item of a sector they do not lead', async () => {
    const [id] = await ingestItems(node.url, [{ sector: 'roads' }]);
    await mutate('operator1', id!, 'escalate', { reason: 'Яма' });
    const refused = await mutate('sector_lead', id!, 'deescalate', { reason: 'Не моё направление' });
    expect(refused.body.code).toBe('forbidden');
  });

  it('does not undo the scheduler: a later threshold still escalates, once', async () => {
    const t0 = msk('2026-12-07T10:00');
    await api(node.url, as('head'), '/api/test/clock', { now: t0.toISOString() });
    const [id] = await ingestItems(node.url, [{ sector: 'housing', receivedAt: t0.toISOString() }]);
    await api(node.url, as('head'), '/api/test/clock', { now: msk('2026-12-07T17:00').toISOString() }); // at risk
    expect((await api<ItemDetail>(node.url, as('head'), `/api/items/${id}`)).body.item.escalationLevel).toBe('sector_lead');
    await mutate('sector_lead', id!, 'deescalate', { reason: 'Исполнитель отвечает сегодня' });
    await api(node.url, as('head'), '/api/test/clock', { now: msk('2026-12-07T17:30').toISOString() });
    expect((await api<ItemDetail>(node.url, as('head'), `/api/items/${id}`)).body.item.escalationLevel).toBe('operator');
    await api(node.url, as('head'), '/api/test/clock', { now: msk('2026-12-08T11:00').toISOString() }); // overdue
    const item = (await api<ItemDetail>(node.url, as('head'), `/api/items/${id}`)).body;
    expect(item.item).toMatchObject({ escalationLevel: 'head', deadlines: { riskState: 'overdue' } });
    expect(item.events.filter((e) => e.data.type === 'item.risk_changed')).toHaveLength(2);
  });
});

describe('the test clock (OKNO_TEST_CLOCK=true)', () => {
  it("sets the node's clock: snapshots, hello and new items follow it", async () => {
    const at = msk('2027-03-01T09:30');
    const res = await api<{ now: string }>(node.url, as('head'), '/api/test/clock', { now: at.toISOString() });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.now) - at.getTime()).toBeLessThan(5_000);
    const snap = await api<ItemSnapshot>(node.url, as('head'), '/api/items');
    expect(Date.parse(snap.body.now) - at.getTime()).toBeLessThan(5_000);
    const socket = connect(node.url, { transports: ['websocket'], auth: { token: as('head') }, forceNew: true, reconnection: false });
    const hello = await new Promise<{ now: string }>((resolve) => socket.once('hello', resolve));
    socket.close();
    expect(Date.parse(hello.now) - at.getTime()).toBeLessThan(5_000);
    const [id] = await ingestItems(node.url, [{}]);
    const item = (await api<ItemDetail>(node.url, as('head'), `/api/items/${id}`)).body.item;
    expect(Date.parse(item.receivedAt) - at.getTime()).toBeLessThan(5_000);
  });

  it('does not exist without the flag', async () => {
    const other = await startNode(db.url, { seed: false, nodeId: 'plain' });
    try {
      const res = await api<ErrorBody>(other.url, as('head'), '/api/test/clock', { now: new Date().toISOString() });
      expect(res.status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
