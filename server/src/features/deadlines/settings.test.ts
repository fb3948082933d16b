import type { DeadlineSettingsDto, DirectoryDto, ErrorBody, ItemDetail, SettingsRevisionDto } from '@okno/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, startNode, type TestDatabase } from '../../testing/harness.js';
import { ingestItems, ManualClock, msk, sqlClient } from '../escalation/test-helpers.js';

const T0 = msk('2026-11-30T10:00'); // a Monday
const clock = new ManualClock(T0);
let db: TestDatabase;
let a: Okno;
let b: Okno;
let sql: pg.Client;
let admin = '';
let operator = '';

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startNode(db.url, { clock: clock.now });
  // Node b re-reads the settings revision on every use: it sees a's changes at once.
  b = await startNode(db.url, { seed: false, nodeId: 'b', clock: clock.now, env: { OKNO_RULES_TTL_MS: '0' } });
  sql = await sqlClient(db.url);
  [admin, operator] = await Promise.all([login(a.url, 'admin'), login(a.url, 'operator1')]);
});
afterAll(async () => {
  await sql?.end();
  await Promise.all([a?.close(), b?.close()]);
  await db?.drop();
});

const settings = async () => (await api<DeadlineSettingsDto>(a.url, admin, '/api/deadlines/settings')).body;
const put = (token: string, path: string, body: unknown) =>
  fetch(`${a.url}/api/deadlines${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as DeadlineSettingsDto & ErrorBody }));
const dueOf = async (node: Okno, id: number) => (await api<ItemDetail>(node.url, admin, `/api/items/${id}`)).body.item.deadlines?.dueAt;
const message = { kind: 'message' as const, channel: 'pos' as const, receivedAt: T0.toISOString() };

describe('deadline settings: edited by administrators, audited, applied to new items', () => {
  it('starts from the defaults of RULES.md and the bundled calendars', async () => {
    const s = await settings();
    expect(s.policies.map((p) => p.code).sort()).toEqual(['appeal-59fz', 'incident', 'message-pos']);
    expect(s.calendars.map((c) => c.year)).toEqual([2025, 2026, 2027]);
    expect(s.centre.centre.timeZone).toBe('Europe/Moscow');
  });

  it('refuses anyone but an administrator', async () => {
    const s = await settings();
    const res = await put(operator, '/policies/message-pos', {
      version: s.policies.find((p) => p.code === 'message-pos')!.version,
      policy: { kind: 'message', answer: { clock: 'working_days', amount: 5 } },
      reason: 'Региональный регламент',
    });
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });

  it('applies a changed policy to new items on every node and leaves existing ones alone', async () => {
    const [before] = await ingestItems(a.url, [message]);
    const s = await settings();
    const policy = s.policies.find((p) => p.code === 'message-pos')!;
    const res = await put(admin, '/policies/message-pos', {
      version: policy.version,
      policy: { ...policy.policy, answer: { clock: 'working_days', amount: 5 } },
      reason: 'Приказ по региону: 5 рабочих дней',
    });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBeGreaterThan(s.revision);
    const [onA] = await ingestItems(a.url, [message]);
    const [onB] = await ingestItems(b.url, [message]);
    expect(await dueOf(a, before!)).toBe(msk('2026-12-14T18:00').toISOString());
    expect(await dueOf(a, onA!)).toBe(msk('2026-12-07T18:00').toISOString());
    expect(await dueOf(b, onB!)).toBe(msk('2026-12-07T18:00').toISOString());

    const stale = await put(admin, '/policies/message-pos', { version: policy.version, policy: policy.policy, reason: 'Старая версия' });
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict']);
  });

  it('layers a category policy over the kind default', async () => {
    const dir = await api<DirectoryDto>(a.url, admin, '/api/directory');
    const category = dir.body.categories.find((c) => c.sector === 'roads')!;
    const res = await put(admin, '/policies/roads-fast', {
      version: null,
      policy: { kind: 'message', categoryCode: category.code, answer: { clock: 'working_days', amount: 3 } },
      reason: 'Ускоренный механизм для дорог',
    });
    expect(res.status).toBe(200);
    const [fast, plain] = await ingestItems(a.url, [{ ...message, categoryCode: category.code }, message]);
    const detail = (await api<ItemDetail>(a.url, admin, `/api/items/${fast}`)).body.item.deadlines;
    expect(detail).toMatchObject({ policyId: 'roads-fast', dueAt: msk('2026-12-03T18:00').toISOString() });
    expect(await dueOf(a, plain!)).toBe(msk('2026-12-07T18:00').toISOString());
  });

  it('refuses settings the engine would not accept, saying why', async () => {
    const s = await settings();
    const incident = s.policies.find((p) => p.code === 'incident')!;
    const del = await fetch(`${a.url}/api/deadlines/policies/incident?version=${incident.version}&reason=${encodeURIComponent('Удалить')}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });
    const body = (await del.json()) as ErrorBody;
    expect([del.status, body.code]).toEqual([400, 'validation']);
    expect(body.message).toContain('no default policy for incident');
    const hours = await put(admin, '/centre', { version: s.centre.version, centre: { timeZone: 'Europe/Moscow', workdayStart: '18:00', workdayEnd: '09:00' }, reason: 'Ошибка' });
    expect([hours.status, hours.body.code]).toEqual([400, 'validation']);
    const calendar = s.calendars.find((c) => c.year === 2027)!;
    const noHoliday = { ...calendar.calendar, holidays: calendar.calendar.holidays.filter((d) => d !== '2027-05-09') };
    const cal = await put(admin, '/calendars/2027', { version: calendar.version, calendar: noHoliday, reason: 'Ошибка' });
    expect([cal.status, cal.body.code]).toEqual([400, 'validation']);
  });

  it('keeps an append-only audit of every change with who, why, before and after', async () => {
    const revisions = (await api<SettingsRevisionDto[]>(a.url, admin, '/api/deadlines/revisions')).body;
    const change = revisions.find((r) => r.key === 'message-pos')!;
    expect(change).toMatchObject({ target: 'policy', actor: { name: expect.any(String) }, reason: 'Приказ по региону: 5 рабочих дней' });
    expect(change.before).toMatchObject({ answer: { amount: 10 } });
    expect(change.after).toMatchObject({ answer: { amount: 5 } });
    await expect(sql.query(`update settings_revision set reason = 'подмена'`)).rejects.toThrow(/append-only/);
  });
});
