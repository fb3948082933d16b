import type { ErrorBody, ItemDetail, ItemDto, MutationResult } from '@okno/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, mutationId, startNode, type TestDatabase } from '../../testing/harness.js';
import { closeExistingItems, eventCounts, ingestItems, ManualClock, msk, sqlClient } from '../escalation/test-helpers.js';
import { backfillClocks } from './backfill.js';

const T0 = msk('2026-11-30T10:00'); // a Monday
const clock = new ManualClock(T0);
let db: TestDatabase;
let node: Okno;
let sql: pg.Client;
const tokens = new Map<string, string>();
type Login = 'operator1' | 'sector_lead' | 'head';

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url, { clock: clock.now });
  sql = await sqlClient(db.url);
  await closeExistingItems(sql);
  for (const l of ['operator1', 'sector_lead', 'head'] as const) tokens.set(l, await login(node.url, l));
});
afterAll(async () => {
  await sql?.end();
  await node?.close();
  await db?.drop();
});

const item = async (id: number): Promise<ItemDto> => (await api<ItemDetail>(node.url, tokens.get('head')!, `/api/items/${id}`)).body.item;
const mutate = async (who: Login, id: number, action: string, body: Record<string, unknown> = {}) =>
  api<MutationResult & ErrorBody>(node.url, tokens.get(who)!, `/api/items/${id}/${action}`, {
    mutationId: mutationId(),
    version: (await item(id)).version,
    ...body,
  });
const iso = (local: string) => msk(local).toISOString();

describe('deadlines computed at ingest (RULES.md, Deadlines)', () => {
  it('gives a 59-ФЗ appeal 3 days to register, 7 to redirect, 30 to answer, and one extension of 30', async () => {
    clock.at = T0;
    const [id] = await ingestItems(node.url, [{ kind: 'appeal', channel: 'pos', receivedAt: T0.toISOString() }]);
    expect((await item(id!)).deadlines).toMatchObject({
      policyId: 'appeal-59fz',
      clock: 'calendar_days',
      registerDue: iso('2026-12-03T18:00'),
      redirectDue: iso('2026-12-07T18:00'),
      answerDue: iso('2026-12-30T18:00'),
      dueAt: iso('2026-12-30T18:00'),
      extensionAvailableDays: 30,
      riskState: 'on_time',
    });
  });

  it('gives a ПОС message 10 working days', async () => {
    const [id] = await ingestItems(node.url, [{ kind: 'message', channel: 'pos', receivedAt: T0.toISOString() }]);
    expect((await item(id!)).deadlines).toMatchObject({ policyId: 'message-pos', clock: 'working_days', dueAt: iso('2026-12-14T18:00') });
  });
});

describe('extension (59-ФЗ art. 12 part 2)', () => {
  it('extends an appeal once, by a lead, up to 30 days, and says why not otherwise', async () => {
    const [appeal, incident] = await ingestItems(node.url, [
      { kind: 'appeal', channel: 'email', receivedAt: T0.toISOString() },
      { kind: 'incident', channel: 'vk', receivedAt: T0.toISOString() },
    ]);
    const reason = 'Нужен выезд комиссии, заявитель уведомлён';
    expect((await mutate('operator1', appeal!, 'extend', { days: 30, reason })).body.code).toBe('forbidden');
    const tooLong = await mutate('sector_lead', appeal!, 'extend', { days: 31, reason });
    expect([tooLong.status, tooLong.body.code, (tooLong.body.details as { reason: string }).reason]).toEqual([400, 'validation', 'extension_too_long']);

    const done = await mutate('sector_lead', appeal!, 'extend', { days: 30, reason });
    expect(done.status).toBe(200);
    expect(done.body.item.deadlines).toMatchObject({ answerDue: iso('2027-01-29T18:00'), extendedDays: 30, extensionAvailableDays: null });
    expect((await eventCounts(sql, [appeal!], 'item.extended')).get(appeal!)).toBe(1);

    const twice = await mutate('head', appeal!, 'extend', { days: 5, reason });
    expect([twice.body.code, (twice.body.details as { reason: string }).reason]).toEqual(['invalid_transition', 'extension_already_used']);
    const notAllowed = await mutate('head', incident!, 'extend', { days: 1, reason });
    expect([notAllowed.body.code, (notAllowed.body.details as { reason: string }).reason]).toEqual(['invalid_transition', 'extension_not_allowed']);
  });
});

describe('interim answer (incidents: 7 working days for the final answer)', () => {
  it('starts the final-answer clock, resets the marked risk, and is given once', async () => {
    clock.at = T0;
    const [id, message] = await ingestItems(node.url, [{ sector: 'housing', receivedAt: T0.toISOString() }, { kind: 'message', channel: 'pos' }]);
    clock.at = msk('2026-11-30T17:00');
    await node.scheduler.tick();
    expect((await item(id!)).deadlines?.riskState).toBe('at_risk');

    clock.at = msk('2026-11-30T17:30');
    const done = await mutate('operator1', id!, 'interim', { text: 'Заявка передана в управляющую компанию' });
    expect(done.status).toBe(200);
    expect(done.body.item.deadlines).toMatchObject({
      clock: 'working_days',
      finalDue: iso('2026-12-09T18:00'),
      dueAt: iso('2026-12-09T18:00'),
      answerDue: iso('2026-12-01T10:00'),
      riskState: 'on_time',
      interimAnsweredAt: clock.at.toISOString(),
    });
    await node.scheduler.tick(); // the new clock is far from its threshold
    expect((await eventCounts(sql, [id!], 'item.risk_changed')).get(id!)).toBe(1);

    expect((await mutate('operator1', id!, 'interim', { text: 'Ещё раз' })).body.code).toBe('invalid_transition');
    expect((await mutate('operator1', message!, 'interim', { text: 'Принято' })).body.code).toBe('invalid_transition');
  });
});

describe('reopening (the answer clock restarts from the reopening)', () => {
  it('restarts the clock when an answered item goes back to work, and stops it while answered', async () => {
    clock.at = T0;
    const [id] = await ingestItems(node.url, [{ receivedAt: T0.toISOString() }]);
    await mutate('operator1', id!, 'claim');
    clock.at = msk('2026-11-30T11:00');
    // Answered as the approve mutation leaves it (answers have their own suite).
    await sql.query(`update item set status = 'answered' where id = $1`, [id]);
    clock.at = msk('2026-12-02T10:00'); // long past the first due time, but answered: nothing to mark
    await node.scheduler.tick();
    expect((await eventCounts(sql, [id!], 'item.risk_changed')).get(id!)).toBe(0);

    const reopened = await mutate('operator1', id!, 'status', { status: 'in_work' });
    expect(reopened.body.item.deadlines).toMatchObject({ startedAt: iso('2026-12-02T10:00'), dueAt: iso('2026-12-03T10:00'), riskState: 'on_time' });

    await mutate('operator1', id!, 'close', { result: 'spam' });
    expect((await sql.query('select closed_at from item where id = $1', [id])).rows[0].closed_at).toEqual(clock.at);
    clock.at = msk('2026-12-04T12:00');
    const byLead = await mutate('sector_lead', id!, 'status', { status: 'in_work' });
    expect(byLead.body.item.deadlines).toMatchObject({ startedAt: iso('2026-12-04T12:00'), dueAt: iso('2026-12-07T12:00') });
    expect((await sql.query('select closed_at from item where id = $1', [id])).rows[0].closed_at).toBeNull();
  });
});

describe('items older than deadlines', () => {
  it('get their clocks at start-up without a version change', async () => {
    clock.at = T0;
    const [id] = await ingestItems(node.url, [{ kind: 'message', channel: 'pos', receivedAt: T0.toISOString() }]);
    const before = await item(id!);
    await sql.query(`update item set policy = null, policy_id = null, deadlines = null, at_risk_at = null, due_at = null where id = $1`, [id]);
    expect((await item(id!)).deadlines).toBeNull();
    expect(await backfillClocks(node.deps.orm, node.deps.log)).toBe(1);
    const after = await item(id!);
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.version).toBe(before.version);
  });
});
