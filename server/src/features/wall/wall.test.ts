import type { DirectoryDto, ErrorBody, ItemDetail, MutationResult, WallDto, WallTile } from '@okno/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, mutationId, startNode, type TestDatabase } from '../../testing/harness.js';
import { closeExistingItems, ingestItems, ManualClock, msk, sqlClient } from '../escalation/test-helpers.js';

const T0 = msk('2026-11-30T10:00'); // a Monday
const clock = new ManualClock(T0);
let db: TestDatabase;
let node: Okno;
let sql: pg.Client;
const tokens = new Map<string, string>();
const ids = { atRisk: [] as number[], overdue: [] as number[], roads: [] as number[], message: [] as number[] };
let central = 0;
let seym = 0;

const wall = async (who: string) => api<WallDto & ErrorBody>(node.url, tokens.get(who)!, '/api/wall');
const tile = (w: WallDto, sector: WallTile['sector']) => w.tiles.find((t) => t.sector === sector)!;
const mutate = (who: string, itemId: number, action: string, body: Record<string, unknown>) =>
  api<MutationResult & ErrorBody>(node.url, tokens.get(who)!, `/api/items/${itemId}/${action}`, { mutationId: mutationId(), ...body });

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url, { clock: clock.now });
  sql = await sqlClient(db.url);
  await closeExistingItems(sql);
  for (const l of ['head', 'sector_lead', 'curator', 'operator1', 'analyst']) tokens.set(l, await login(node.url, l));
  const dir = await api<DirectoryDto>(node.url, tokens.get('head')!, '/api/directory');
  central = dir.body.territories.find((t) => t.code === 'kursk.central')!.id;
  seym = dir.body.territories.find((t) => t.code === 'kursk.seym')!.id;
  const housing = { kind: 'incident' as const, channel: 'vk' as const, sector: 'housing' as const, territoryCode: 'kursk.central' };
  ids.atRisk = await ingestItems(node.url, [housing, housing]);
  ids.overdue = await ingestItems(node.url, [{ ...housing, importance: 'high' }, { ...housing, importance: 'high' }]);
  ids.roads = await ingestItems(node.url, [{ ...housing, sector: 'roads', territoryCode: 'kursk.seym' }]);
  ids.message = await ingestItems(node.url, [{ kind: 'message', channel: 'pos', sector: 'housing', territoryCode: 'kursk.central' }]);
  expect((await mutate('operator1', ids.message[0]!, 'claim', {})).status).toBe(200);
  clock.at = msk('2026-11-30T17:00');
  await node.scheduler.tick();
});
afterAll(async () => {
  await sql?.end();
  await node?.close();
  await db?.drop();
});

describe("the head's wall (GET /api/wall)", () => {
  it('counts new, in work, at risk, overdue and escalated-to-me per sector for the head', async () => {
    const res = await wall('head');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('all');
    expect(res.body.now).toBe(clock.at.toISOString());
    expect(res.body.tiles).toHaveLength(10); // nine sectors and the uncategorised
    expect(tile(res.body, 'housing')).toMatchObject({ new: 4, inWork: 1, atRisk: 2, overdue: 2, escalatedToMe: 2 });
    expect(tile(res.body, 'roads')).toMatchObject({ new: 1, inWork: 0, atRisk: 1, overdue: 0, escalatedToMe: 0 });
    expect(tile(res.body, 'energy')).toMatchObject({ new: 0, atRisk: 0, overdue: 0 });
  });

  it('colours the sector × territory matrix by at-risk and overdue counts', async () => {
    const res = await wall('head');
    expect(res.body.matrix).toEqual([
      { sector: 'housing', territoryId: central, atRisk: 2, overdue: 2 },
      { sector: 'roads', territoryId: seym, atRisk: 1, overdue: 0 },
    ]);
  });

  it('draws the last 24 hours of arrivals and closures in hourly buckets', async () => {
    expect((await mutate('operator1', ids.message[0]!, 'close', { version: await versionOf(ids.message[0]!), result: 'spam' })).status).toBe(200);
    const res = await wall('head');
    const housing = tile(res.body, 'housing');
    expect(res.body.trendStart).toBe(msk('2026-11-29T17:00').toISOString());
    expect(housing.arrived).toHaveLength(24);
    expect(housing.arrived[17]).toBe(5); // received Monday 10:00, 17 hours after the start
    expect(housing.arrived.reduce((s, x) => s + x, 0)).toBe(5);
    expect(housing.closed[23]).toBe(1);
    expect(housing.inWork).toBe(0);
  });

  it("shows a sector lead only their sectors and what reached them", async () => {
    const res = await wall('sector_lead');
    expect(res.body.scope).toBe('sectors');
    expect(res.body.tiles.map((t) => t.sector)).toEqual(['housing', 'waste']);
    expect(tile(res.body, 'housing')).toMatchObject({ atRisk: 2, overdue: 2, escalatedToMe: 2 });
    expect(res.body.matrix.every((c) => c.sector === 'housing')).toBe(true);
  });

  it('shows the curator only what was escalated to the curator', async () => {
    const before = await wall('curator');
    expect(before.body.scope).toBe('escalated');
    expect(before.body.tiles.every((t) => t.overdue === 0 && t.new === 0)).toBe(true);
    const id = ids.overdue[0]!;
    const up = await mutate('head', id, 'escalate', { version: await versionOf(id), reason: 'Нужна помощь куратора' });
    expect(up.body.item.escalationLevel).toBe('curator');
    const after = await wall('curator');
    expect(tile(after.body, 'housing')).toMatchObject({ new: 1, overdue: 1, escalatedToMe: 1 });
    expect(after.body.seq).toBeGreaterThanOrEqual(up.body.seq);
  });

  it('has no wall for an operator, and an analyst sees counts but nothing is escalated to them', async () => {
    const refused = await wall('operator1');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const analyst = await wall('analyst');
    expect(analyst.body.scope).toBe('all');
    expect(analyst.body.tiles.every((t) => t.escalatedToMe === 0)).toBe(true);
  });
});

async function versionOf(id: number): Promise<number> {
  return (await api<ItemDetail>(node.url, tokens.get('head')!, `/api/items/${id}`)).body.item.version;
}
