/**
 * pnpm bench snapshot [--items 20000] [--rounds 10] [--warmup 2] [--timeout 600]
 *
 * The queue snapshot `GET /api/items` that an operator's console loads on opening (and on a
 * reconnect too far behind) over `--items` open items in real Postgres: a fresh test database,
 * items inserted with INSERT … SELECT generate_series, a fifth of them with an answer (a third
 * of those with files), a tenth rated, a third commented, some claimed or routed. The node runs
 * in its own process. The raw limit is the same rows with their answer, files and latest rating
 * read by one plain SQL query through `pg` in this process; both sides end with the rows parsed
 * into JS objects, and their rounds are interleaved so machine load hits both alike.
 * An analyst's (masked) and an executor's (one department) snapshot are timed too.
 * Progress goes to stderr; the last stdout line is one JSON object; missing the target prints WARN.
 */
import { loadavg } from 'node:os';
import type { ItemSnapshot } from '@okno/shared';
import { createTestDatabase, login } from '@okno/server/testing';
import pg from 'pg';
import { startNodeProcess } from './lib/node-process.js';
import { intArgs, progress, runBench } from './lib/run.js';
import { ms, percentile, summarize, table } from './lib/stats.js';

const args = intArgs({ items: 20_000, rounds: 10, warmup: 2, timeout: 600 });
const TARGET_RATIO_P50 = 3;

/** Bench items, answers, files, ratings and comments, all by set-based SQL. */
async function seed(sql: pg.Client, count: number): Promise<void> {
  await sql.query(`update item set status = 'closed', closed_at = updated_at, updated_at = now() - interval '30 days'`);
  await sql.query(
    `insert into item (kind, channel, source_id, external_id, title, text, author_name, link, sector, territory_id, address, status,
       assignee_id, department_id, escalation_level, received_at, created_at, updated_at, version, importance, policy_id, deadlines,
       at_risk_at, due_at, risk_state, return_count)
     select (array['incident','message','appeal'])[1 + g % 3], (array['vk','telegram','pos','email'])[1 + g % 4],
       (select min(id) from source), 'snap-' || g, 'Сообщение для замера снимка очереди № ' || g,
       repeat('Жители дома сообщают о проблеме, просят принять меры и сообщить о результате. ', 1 + g % 5),
       'Иванов Иван Иванович ' || g, case when g % 4 = 0 then 'https://vk.com/wall-1_' || g end,
       (array['housing','roads','waste','energy','health'])[1 + g % 5], (select min(id) from territory) + g % 8,
       'г. Курск, ул. Ленина, д. ' || (1 + g % 200),
       case when g % 5 = 0 then 'routed' when g % 7 = 0 then 'in_work' when g % 11 = 0 then 'answer_review' else 'new' end,
       case when g % 7 = 0 then (select id from app_user where login = 'operator1') end,
       case when g % 5 = 0 or g % 11 = 0 then (select id from department order by id limit 1 offset g % 3) end,
       'operator', now() - g * interval '1 minute', now(), now() - g * interval '30 seconds', 1 + g % 4,
       case when g % 10 = 0 then 'high' else 'normal' end, 'incident',
       jsonb_build_object('policyId', 'incident', 'clock', 'working_hours', 'threshold', 0.75, 'startedAt', now() - g * interval '1 minute',
         'atRiskAt', now() + interval '1 hour', 'dueAt', now() + interval '4 hours', 'answerDue', now() + interval '4 hours',
         'registerDue', null, 'redirectDue', null, 'finalDue', null, 'extensionAvailableDays', case when g % 3 = 2 then 30 end),
       now() + interval '1 hour', now() + interval '4 hours', (array['on_time','at_risk','overdue'])[1 + g % 3], g % 3
     from generate_series(1, $1::int) as g`,
    [count],
  );
  const bench = `from item where external_id like 'snap-%'`;
  await sql.query(
    `insert into item_answer (item_id, text, author_id, state, updated_at, sent_at, sent_via)
     select id, 'Уважаемый заявитель! Сообщаем, что работы выполнены. ' || id, (select id from app_user where login = 'executor_housing'),
       (array['draft','submitted','returned','approved'])[1 + id % 4], now(), case when id % 4 = 3 then now() end,
       case when id % 4 = 3 then channel end
     ${bench} and id % 5 = 1`,
  );
  await sql.query(
    `insert into attachment (item_id, name, mime, size, data, uploaded_by, created_at)
     select item_id, 'акт-' || item_id || '-' || n || '.pdf', 'application/pdf', 1024, '\\x00'::bytea, author_id, now()
     from item_answer, generate_series(1, 2) as n where item_id % 3 = 0`,
  );
  await sql.query(
    `insert into answer_attachment (item_id, attachment_id, position)
     select item_id, id, row_number() over (partition by item_id order by id) from attachment where name like 'акт-%'`,
  );
  await sql.query(
    `insert into item_rating (item_id, score, source, department_id, at)
     select id, 1 + id % 5, 'ingest', department_id, now() - n * interval '1 hour'
     from item, generate_series(1, 2) as n where external_id like 'snap-%' and id % 10 = 3 and (n = 1 or id % 20 = 3)`,
  );
  await sql.query(
    `insert into item_comment (item_id, author_id, text, created_at)
     select id, (select id from app_user where login = 'operator2'), 'Уточнить адрес у заявителя', now() ${bench} and id % 3 = 0`,
  );
  await sql.query('analyze');
}

/**
 * The raw limit: the same rows with their assignee, answer, files and latest rating, in one query
 * of plain columns (faster than building the JSON in SQL, measured), with the JIT off (its
 * compile time here exceeds the query's own, and the node turns it off for its query too).
 */
const RAW_QUERY = `
  select i.id, i.kind, i.channel, s.code as source, i.external_id, i.title, i.text, i.author_name, i.link, i.sector, i.category_id,
    i.territory_id, i.address, i.status, i.assignee_id, u.name as assignee_name, i.department_id, i.escalation_level, i.received_at,
    i.updated_at, i.version, i.importance, i.deadlines, i.risk_state, i.extended_days, i.interim_answered_at, i.return_count,
    i.extension_request, i.close_result, i.merged_into_id,
    a.state, a.text as answer_text, a.author_id, au.name as author_name, a.updated_at as answer_updated_at, a.sent_at, a.sent_via, a.from_item_id,
    case when a.item_id is not null then (select json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size, 'mime', f.mime) order by l.position)
      from answer_attachment l join attachment f on f.id = l.attachment_id where l.item_id = i.id) end as files,
    r.score, r.at as rating_at, r.source as rating_source
  from (select * from item where status <> 'closed' or updated_at >= now() - interval '7 days' order by received_at desc limit $1) i
  join source s on s.id = i.source_id
  left join app_user u on u.id = i.assignee_id
  left join item_answer a on a.item_id = i.id
  left join app_user au on au.id = a.author_id
  left join lateral (select score, at, source from item_rating where item_id = i.id order by at desc, id desc limit 1) r on true
  order by i.received_at desc`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function snapshot(url: string, token: string): Promise<ItemSnapshot> {
  const res = await fetch(`${url}/api/items`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /api/items: ${res.status} ${await res.text()}`);
  return (await res.json()) as ItemSnapshot;
}

runBench('snapshot', args.timeout * 1000, async (cleanup) => {
  const db = await createTestDatabase();
  cleanup.defer('drop test database', () => db.drop());
  const node = await startNodeProcess(db.url, { nodeId: 'bench' });
  cleanup.defer('close node', () => node.close());
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  cleanup.defer('close sql', () => sql.end());

  progress(`seeding ${args.items} open items with answers, files, ratings and comments`);
  let t = performance.now();
  await seed(sql, args.items);
  const seedMs = performance.now() - t;
  const [operator, analyst, executor] = await Promise.all([login(node.url, 'operator1'), login(node.url, 'analyst'), login(node.url, 'executor_housing')]);

  await sql.query('set jit = off');
  const raw = () => sql.query(RAW_QUERY, [args.items]).then((r) => r.rows);
  progress(`${args.warmup} warm-up + ${args.rounds} rounds, okno and raw interleaved`);
  const okno: number[] = [];
  const rawMs: number[] = [];
  let last: ItemSnapshot | null = null;
  let rawCount = 0;
  for (let r = 0; r < args.warmup + args.rounds; r++) {
    const a = await timed(() => snapshot(node.url, operator));
    const b = await timed(raw);
    last = a.value;
    rawCount = b.value.length;
    if (r < args.warmup) continue;
    okno.push(a.ms);
    rawMs.push(b.ms);
  }
  if (last!.items.length !== rawCount) throw new Error(`the snapshot has ${last!.items.length} items, the raw query ${rawCount}`);
  const extras = { analyst: [] as number[], executor: [] as number[] };
  let analystItem = last!.items[0]!;
  let executorCount = 0;
  for (let r = 0; r < 3; r++) {
    const a = await timed(() => snapshot(node.url, analyst));
    const e = await timed(() => snapshot(node.url, executor));
    extras.analyst.push(a.ms);
    extras.executor.push(e.ms);
    analystItem = a.value.items[0]!;
    executorCount = e.value.items.length;
  }
  if (analystItem.authorName === last!.items[0]!.authorName || analystItem.link !== null) throw new Error('the analyst saw personal data');
  t = performance.now();
  const bytes = JSON.stringify(last).length;
  const stringifyMs = performance.now() - t;

  const pct = (v: number[], p: number) => percentile(Float64Array.from(v).sort(), p);
  const s = summarize(okno);
  const rs = summarize(rawMs);
  const ratio = s.p50 / rs.p50;
  const pass = ratio <= TARGET_RATIO_P50;
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`snapshot of ${last!.items.length} items (${(bytes / 1024 / 1024).toFixed(1)} MB of JSON), ${args.rounds} rounds (+${args.warmup} warm-up), ms; seeded in ${(seedMs / 1000).toFixed(1)} s`);
  console.log(`load average (1/5/15 min) at the end: ${load}; the box is shared, both sides feel it alike`);
  console.log(
    table([
      ['', 'p50', 'p95', 'max', 'mean'],
      ['okno: GET /api/items (operator)', s.p50, pct(okno, 95), s.max, s.mean],
      ['raw:  one SQL query via pg', rs.p50, pct(rawMs, 95), rs.max, rs.mean],
      ['okno: analyst (masked), 3 calls', summarize(extras.analyst).p50, pct(extras.analyst, 95), summarize(extras.analyst).max, summarize(extras.analyst).mean],
      [`okno: executor (${executorCount} items), 3 calls`, summarize(extras.executor).p50, pct(extras.executor, 95), summarize(extras.executor).max, summarize(extras.executor).mean],
    ]),
  );
  console.log(`(JSON.stringify of the snapshot alone in this process: ${stringifyMs.toFixed(0)} ms)`);
  console.log(`ratio p50 okno/raw: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO_P50})`);
  if (!pass) console.log(`WARN: the snapshot p50 is ${ratio.toFixed(2)}× one raw SQL query's (target ≤ ${TARGET_RATIO_P50}×)`);
  console.log(
    JSON.stringify({
      bench: 'snapshot',
      items: last!.items.length,
      mb: Number((bytes / 1024 / 1024).toFixed(2)),
      rounds: args.rounds,
      p50_ms: ms(s.p50),
      p95_ms: ms(pct(okno, 95)),
      max_ms: ms(s.max),
      raw_p50_ms: ms(rs.p50),
      raw_p95_ms: ms(pct(rawMs, 95)),
      analyst_p50_ms: ms(summarize(extras.analyst).p50),
      executor_p50_ms: ms(summarize(extras.executor).p50),
      executor_items: executorCount,
      ratio_p50: Number(ratio.toFixed(2)),
      target_ratio_p50: TARGET_RATIO_P50,
      pass,
    }),
  );
});
