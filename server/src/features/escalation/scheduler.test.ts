import type { ItemDetail, NotificationDto, NotificationList } from '@okno/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, openSocket, startNode, type ClientSocket, type TestDatabase } from '../../testing/harness.js';
import { closeExistingItems, eventCounts, ingestItems, ManualClock, msk, sqlClient } from './test-helpers.js';

const T0 = msk('2026-11-30T10:00'); // a Monday
const clock = new ManualClock(T0);
const HALF = 25;
let db: TestDatabase;
let a: Okno;
let b: Okno;
let sql: pg.Client;
let normal: number[];
let high: number[];

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { OKNO_SCHEDULER_BATCH: '7' }; // several batches per tick, interleaved between the nodes
  a = await startNode(db.url, { redis: true, nodeId: 'node-a', clock: clock.now, env });
  b = await startNode(db.url, { redis: true, seed: false, nodeId: 'node-b', clock: clock.now, env });
  sql = await sqlClient(db.url);
  await closeExistingItems(sql);
  const base = { kind: 'incident' as const, channel: 'vk' as const, sector: 'housing' as const, receivedAt: T0.toISOString() };
  normal = await ingestItems(a.url, Array.from({ length: HALF }, () => base));
  high = await ingestItems(b.url, Array.from({ length: HALF }, () => ({ ...base, importance: 'high' as const })));
});
afterAll(async () => {
  await sql?.end();
  await Promise.all([a?.close(), b?.close()]);
  await db?.drop();
});

const tickBothTwice = () => Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);

async function levels(ids: number[]) {
  const { rows } = await sql.query<{ escalation_level: string; risk_state: string; n: string }>(
    'select escalation_level, risk_state, count(*) as n from item where id = any($1) group by 1, 2',
    [ids],
  );
  return rows.map((r) => ({ level: r.escalation_level, risk: r.risk_state, n: Number(r.n) }));
}

function collect(socket: ClientSocket): NotificationDto[] {
  const got: NotificationDto[] = [];
  socket.on('notification:new', (n) => got.push(n));
  return got;
}

describe('deadline scheduler on two nodes (RULES.md, Escalation)', () => {
  it('computes the incident clocks at ingest: 9 working hours, 4 for high importance', async () => {
    const token = await login(a.url, 'head');
    const [one, two] = await Promise.all([
      api<ItemDetail>(a.url, token, `/api/items/${normal[0]}`),
      api<ItemDetail>(a.url, token, `/api/items/${high[0]}`),
    ]);
    expect(one.body.item.deadlines).toMatchObject({
      policyId: 'incident',
      clock: 'working_hours',
      riskState: 'on_time',
      dueAt: msk('2026-12-01T10:00').toISOString(),
      atRiskAt: msk('2026-11-30T16:45').toISOString(),
    });
    expect(two.body.item.importance).toBe('high');
    expect(two.body.item.deadlines?.dueAt).toBe(msk('2026-11-30T14:00').toISOString());
  });

  it('records each crossing of 50 items exactly once while both nodes tick at the same moment', async () => {
    const [leadToken, headToken] = await Promise.all([login(a.url, 'sector_lead'), login(a.url, 'head')]);
    const [leadSocket, headSocket] = await Promise.all([openSocket(b.url, leadToken), openSocket(a.url, headToken)]);
    const toLead = collect(leadSocket);
    const toHead = collect(headSocket);
    try {
      clock.at = msk('2026-11-30T17:00'); // normal ones at risk (16:45), high ones overdue (14:00)
      const reports = await tickBothTwice();
      expect(reports.reduce((s, r) => s + r.items.at_risk + r.items.overdue + r.items.late, 0)).toBe(2 * HALF);
      expect(await levels(normal)).toEqual([{ level: 'sector_lead', risk: 'at_risk', n: HALF }]);
      expect(await levels(high)).toEqual([{ level: 'head', risk: 'overdue', n: HALF }]);
      const all = [...normal, ...high];
      for (const n of (await eventCounts(sql, all, 'item.risk_changed')).values()) expect(n).toBe(1);
      for (const n of (await eventCounts(sql, all, 'item.escalated')).values()) expect(n).toBe(1);

      // The people on each step hear it live, on whichever node they are connected to.
      await expect.poll(() => toLead.length).toBe(HALF);
      await expect.poll(() => toHead.length).toBe(HALF);
      expect(new Set(toLead.map((n) => n.itemId))).toEqual(new Set(normal));
      expect(toHead.every((n) => n.kind === 'escalated' && n.text.includes('срок ответа истёк'))).toBe(true);
    } finally {
      leadSocket.close();
      headSocket.close();
    }
  });

  it('escalates items overdue by more than a day to the curator, once, and then has nothing left to do', async () => {
    clock.at = msk('2026-12-02T12:00'); // normal due Tue 10:00 (26 h ago); high due Mon 14:00
    await tickBothTwice();
    expect(await levels([...normal, ...high])).toEqual([{ level: 'curator', risk: 'overdue', n: 2 * HALF }]);
    const risk = await eventCounts(sql, [...normal, ...high], 'item.risk_changed');
    const escalations = await eventCounts(sql, [...normal, ...high], 'item.escalated');
    for (const id of normal) expect([risk.get(id), escalations.get(id)]).toEqual([2, 2]);
    for (const id of high) expect([risk.get(id), escalations.get(id)]).toEqual([1, 2]);

    const again = await tickBothTwice();
    expect(again.every((r) => r.events === 0)).toBe(true);

    const curator = await login(b.url, 'curator');
    const inbox = await api<NotificationList>(b.url, curator, '/api/notifications?unreadOnly=true&limit=500');
    expect(inbox.body.unread).toBe(2 * HALF);
    expect(new Set(inbox.body.notifications.map((n) => n.itemId))).toEqual(new Set([...normal, ...high]));
  });

  it('marks automatic escalations as such, with the reason in Russian and no person as actor', async () => {
    const token = await login(a.url, 'head');
    const detail = await api<ItemDetail>(a.url, token, `/api/items/${normal[0]}`);
    const auto = detail.body.events.filter((e) => e.data.type === 'item.escalated');
    expect(auto).toHaveLength(2);
    for (const e of auto) {
      expect(e.actor).toBeNull();
      expect(e.data).toMatchObject({ auto: true, reason: expect.stringMatching(/^Автоматически: /) });
    }
  });
});
