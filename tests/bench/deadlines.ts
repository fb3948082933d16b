/**
 * pnpm bench deadlines [--items 1000000] [--rounds 5] [--open 100000] [--cross 1000] [--idle 20] [--timeout 600]
 *
 * 1. Risk recomputation with the shared engine: `--items` open items in memory (a realistic mix
 *    of incidents, messages and appeals, normal and high importance), each reduced once to a
 *    RiskTrack; then every round computes the risk state of all of them at a new instant.
 * 2. The deadline scheduler's cost per tick with `--open` open items in real Postgres (a fresh
 *    test database, items inserted with one INSERT … SELECT generate_series): idle ticks (nothing
 *    crosses), a tick where `--cross` items cross a threshold, and one 3 hours later where the
 *    rest of them become overdue and more become at risk. Each crossing escalates and notifies.
 *    The plan of the tick's query is checked to be an index range scan.
 * Progress goes to stderr; the last stdout line is one JSON object of figures.
 */
import {
  buildWorkingCalendar,
  clockNow,
  deadlinesFor,
  DEFAULT_POLICIES,
  makeCentre,
  riskState,
  riskTrack,
  RUSSIAN_CALENDARS,
  type Channel,
  type ItemKind,
  type RiskTrack,
} from '@okno/shared';
import { createTestDatabase, startNode } from '@okno/server/testing';
import pg from 'pg';
import { intArgs, progress, runBench } from './lib/run.js';
import { ms, summarize, table } from './lib/stats.js';

const args = intArgs({ items: 1_000_000, rounds: 5, open: 100_000, cross: 1000, idle: 20, timeout: 600 });
const HOUR = 3_600_000;

function memoryRecompute() {
  const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
  const centre = makeCentre({ timeZone: 'Europe/Moscow' });
  const kinds: [ItemKind, Channel][] = [['incident', 'vk'], ['incident', 'telegram'], ['message', 'pos'], ['appeal', 'email']];
  const start = Date.parse('2026-11-02T06:00:00Z');
  progress(`engine: computing deadlines and risk tracks of ${args.items} items`);
  const t0 = performance.now();
  const tracks: RiskTrack[] = new Array<RiskTrack>(args.items);
  for (let i = 0; i < args.items; i++) {
    const [kind, channel] = kinds[i % kinds.length]!;
    const receivedAt = new Date(start + ((i * 7919) % (30 * 24)) * HOUR + (i % 3600) * 1000);
    const d = deadlinesFor({ kind, channel, receivedAt, importance: i % 10 === 0 ? 'high' : 'normal' }, DEFAULT_POLICIES, cal, centre);
    tracks[i] = riskTrack(d.answer, cal, centre, d.atRiskThreshold);
  }
  const setupMs = performance.now() - t0;

  const times: number[] = [];
  let last = { on_time: 0, at_risk: 0, overdue: 0 };
  for (let r = 0; r < args.rounds; r++) {
    const now = clockNow(new Date(start + (20 + r * 3) * 24 * HOUR + r * 1234), cal, centre);
    const counts = { on_time: 0, at_risk: 0, overdue: 0 };
    const t = performance.now();
    for (let i = 0; i < tracks.length; i++) counts[riskState(now, tracks[i]!)]++;
    times.push(performance.now() - t);
    last = counts;
  }
  const s = summarize(times);
  return { setupMs, summary: s, ratePerSecond: args.items / (s.p50 / 1000), last };
}

async function schedulerTicks(cleanup: Parameters<Parameters<typeof runBench>[2]>[0]) {
  const db = await createTestDatabase();
  cleanup.defer('drop test database', () => db.drop());
  let nowMs = Date.parse('2026-11-30T07:00:00Z');
  const node = await startNode(db.url, { nodeId: 'bench', clock: () => new Date(nowMs) });
  cleanup.defer('close node', () => node.close());
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  cleanup.defer('close sql', () => sql.end());

  await sql.query(`update item set status = 'closed', closed_at = updated_at`);
  const incident = DEFAULT_POLICIES.find((p) => p.id === 'incident')!;
  const { id: policyId, ...policy } = incident;
  progress(`postgres: inserting ${args.open} open items`);
  const t0 = performance.now();
  // Item g is at risk 1 h + g × 20 s after the start and due 3 h later: moving the clock to
  // 20 s × N past the first at-risk instant crosses exactly N items (the earliest go straight to
  // overdue, which is one risk change and one escalation, like the others).
  await sql.query(
    `insert into item (kind, channel, source_id, external_id, title, text, sector, territory_id, status, escalation_level,
       received_at, created_at, updated_at, version, importance, policy_id, policy, deadlines, at_risk_at, due_at, risk_state)
     select 'incident', 'vk', (select id from source limit 1), 'bench-' || g, 'Нагрузочный тест ' || g, 'Сообщение для нагрузочного теста',
       (array['housing','roads','waste','energy','health'])[1 + g % 5], (select min(id) from territory) + g % 8,
       case when g % 3 = 0 then 'in_work' else 'new' end, 'operator',
       $1::timestamptz, now(), now(), 1, 'normal', $2::varchar, $3::jsonb,
       jsonb_build_object('policyId', $2::text, 'clock', 'working_hours', 'threshold', 0.75,
         'startedAt', $1::timestamptz, 'atRiskAt', a, 'dueAt', a + interval '3 hours', 'answerDue', a + interval '3 hours',
         'registerDue', null, 'redirectDue', null, 'finalDue', null, 'extensionAvailableDays', null),
       a, a + interval '3 hours', 'on_time'
     from generate_series(1, $4::int) as g, lateral (select $1::timestamptz + interval '1 hour' + g * interval '20 seconds' as a) x`,
    [new Date(nowMs).toISOString(), policyId, JSON.stringify(policy), args.open],
  );
  await sql.query('analyze item');
  const insertMs = performance.now() - t0;

  const plan = await sql.query<{ 'QUERY PLAN': string }>(
    `explain select id from item where risk_state = 'on_time' and at_risk_at <= $1 and status not in ('answered', 'closed')
     order by at_risk_at limit 500 for update skip locked`,
    [new Date(nowMs + HOUR).toISOString()],
  );
  const planText = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  const indexScan = /Index Scan using item_at_risk_pending/.test(planText);

  progress(`postgres: ${args.idle} idle ticks`);
  const idle: number[] = [];
  for (let i = 0; i < args.idle; i++) idle.push((await node.scheduler.tick()).ms);

  nowMs += HOUR + args.cross * 20_000; // the first `cross` items reach their at-risk instant
  const atRisk = await node.scheduler.tick();
  nowMs += 3 * HOUR; // … the rest of them are overdue now, and the next 540 at risk
  const overdue = await node.scheduler.tick();
  return { insertMs, indexScan, planText, idle: summarize(idle), atRisk, overdue };
}

runBench('deadlines', args.timeout * 1000, async (cleanup) => {
  const mem = memoryRecompute();
  const db = await schedulerTicks(cleanup);
  await cleanup.run();

  const handled = (r: typeof db.atRisk) => r.items.at_risk + r.items.overdue + r.items.late;
  console.log(`engine: ${args.items} open items, deadlines + risk tracks built in ${(mem.setupMs / 1000).toFixed(2)} s`);
  console.log(`risk recomputation of all items, ${args.rounds} rounds (ms):`);
  console.log(table([['p50', 'max', 'mean', 'items/s (p50)'], [ms(mem.summary.p50), ms(mem.summary.max), ms(mem.summary.mean), Math.round(mem.ratePerSecond)]]));
  console.log(`states at the last round: ${JSON.stringify(mem.last)}`);
  console.log(`\nscheduler over ${args.open} open items in Postgres (inserted in ${(db.insertMs / 1000).toFixed(2)} s)`);
  console.log(`tick query plan:\n${db.planText}`);
  console.log(
    table([
      ['tick', 'items', 'events', 'notices', 'ms'],
      ['idle (p50)', 0, 0, 0, ms(db.idle.p50)],
      ['idle (max)', 0, 0, 0, ms(db.idle.max)],
      ['at risk', handled(db.atRisk), db.atRisk.events, db.atRisk.notices, ms(db.atRisk.ms)],
      ['overdue', handled(db.overdue), db.overdue.events, db.overdue.notices, ms(db.overdue.ms)],
    ]),
  );
  console.log(
    JSON.stringify({
      recompute_items: args.items,
      recompute_p50_ms: ms(mem.summary.p50),
      recompute_items_per_s: Math.round(mem.ratePerSecond),
      track_build_s: Math.round(mem.setupMs) / 1000,
      open_items_db: args.open,
      tick_idle_p50_ms: ms(db.idle.p50),
      tick_idle_max_ms: ms(db.idle.max),
      tick_at_risk_items: handled(db.atRisk),
      tick_at_risk_ms: ms(db.atRisk.ms),
      tick_overdue_items: handled(db.overdue),
      tick_overdue_ms: ms(db.overdue.ms),
      ms_per_transition: ms(db.atRisk.ms / Math.max(1, handled(db.atRisk))),
      tick_index_scan: db.indexScan,
    }),
  );
});
