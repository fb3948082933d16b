/**
 * pnpm bench fanout [--clients 500] [--rounds 200] [--warmup 10] [--batch 50] [--timeout 300]
 *
 * How long until every connected client has an item event, and how that compares with bare
 * Socket.IO over the same Redis adapter. N clients are split over two Okno nodes (one test
 * database, one Redis); one client claims a free item per round, and we time from just before
 * the emit until the last of the N clients received the matching `item:event`. The raw side does
 * the same with two bare Socket.IO servers: a client emits to node A, node A io.emit()s to all.
 * Both sides are set up together and their rounds interleaved, so background load on the
 * machine hits both alike. Clients and servers share this process: one performance.now().
 * The last stdout line is one JSON object; missing the target prints WARN but exits 0.
 */
import { loadavg } from 'node:os';
import type { Ack, IngestResult, ItemSnapshot, MutationResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, TEST_REDIS } from '@okno/server/testing';
import { FanoutProbe, type FanoutRound } from './lib/fanout-probe.js';
import { openRawClient, startRawCluster } from './lib/raw-cluster.js';
import { intArgs, progress, runBench, sleep, type Cleanup } from './lib/run.js';
import { closeAll, openInBatches } from './lib/sockets.js';
import { ms, summarize, table, type Summary } from './lib/stats.js';

const args = intArgs({ clients: 500, rounds: 200, warmup: 10, batch: 50, timeout: 300 });
/** Queue workers: they see every item (room items:all) and may claim. Tokens are reused. */
const LOGINS = ['operator1', 'operator2', 'sector_lead', 'head', 'smm', 'pos'];
const INGEST_KEY = 'demo-ingest-key';
const ROUND_TIMEOUT_MS = 15_000;
const TARGET_RATIO_P99 = 2;

/** Latencies of the measured (non-warm-up) rounds. */
class Samples {
  readonly last: number[] = [];
  readonly perClient: number[] = [];
  add(round: FanoutRound): void {
    this.last.push(round.lastMs);
    for (const v of round.perClientMs) this.perClient.push(v);
  }
}

/** Ids of `count` unclaimed new items: the seeded ones first, then freshly ingested. */
async function freeItems(url: string, token: string, count: number): Promise<number[]> {
  const snap = await api<ItemSnapshot>(url, token, '/api/items');
  if (snap.status !== 200) throw new Error(`GET /api/items: ${snap.status}`);
  const ids = snap.body.items.filter((i) => !i.assignee && i.status === 'new').map((i) => i.id).slice(0, count);
  for (let batch = 0; ids.length < count; batch++) {
    const items = Array.from({ length: Math.min(500, count - ids.length) }, (_, k) => ({
      externalId: `bench-fanout-${batch}-${k}`,
      kind: 'incident' as const,
      channel: 'vk' as const,
      text: `Нагрузочный тест рассылки, сообщение ${batch}-${k}`,
    }));
    const res = await fetch(`${url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': INGEST_KEY },
      body: JSON.stringify({ items }),
    });
    if (res.status !== 200) throw new Error(`POST /api/ingest: ${res.status} ${await res.text()}`);
    ids.push(...((await res.json()) as IngestResult).results.map((r) => r.id));
  }
  return ids;
}

/** One side of the comparison: sets up, then runs one timed broadcast per call. */
type Round = (r: number) => Promise<FanoutRound>;

async function okno(cleanup: Cleanup): Promise<Round> {
  const db = await createTestDatabase();
  cleanup.defer('drop test database', () => db.drop());
  const nodeA = await startNode(db.url, { redis: true, nodeId: 'bench-a' });
  cleanup.defer('close node a', () => nodeA.close());
  const nodeB = await startNode(db.url, { redis: true, seed: false, nodeId: 'bench-b' });
  cleanup.defer('close node b', () => nodeB.close());
  const nodes = [nodeA, nodeB];
  const tokens = await Promise.all(LOGINS.map((l) => login(nodeA.url, l)));
  const items = await freeItems(nodeA.url, tokens[0]!, args.warmup + args.rounds);

  progress(`okno: opening ${args.clients} sockets over 2 nodes`);
  const probe = new FanoutProbe<number>(args.clients);
  const sockets = await openInBatches(
    args.clients,
    async (i) => {
      const socket = await openSocket(nodes[i % 2]!.url, tokens[i % tokens.length]!);
      socket.on('item:event', (e) => {
        if (e.data.type === 'item.claimed') probe.arrive(i, e.itemId);
      });
      return socket;
    },
    args.batch,
  );
  cleanup.defer('close okno sockets', () => closeAll(sockets));
  const claimer = sockets[0]!; // on node A
  return async (r) => {
    const itemId = items[r]!;
    const received = probe.begin(itemId, ROUND_TIMEOUT_MS);
    const ack = claimer.timeout(ROUND_TIMEOUT_MS).emitWithAck('item:claim', { mutationId: mutationId(), itemId }) as Promise<
      Ack<MutationResult>
    >;
    const claimed = ack.then((a) => {
      if (!a.ok) throw new Error(`claim of item ${itemId} refused: ${a.error.code} ${a.error.message}`);
    });
    const [round] = await Promise.all([received, claimed]);
    return round;
  };
}

async function raw(cleanup: Cleanup): Promise<Round> {
  const cluster = await startRawCluster(TEST_REDIS, 2);
  cleanup.defer('close raw cluster', () => cluster.close());
  progress(`raw: opening ${args.clients} sockets over 2 nodes`);
  const probe = new FanoutProbe<number>(args.clients);
  const sockets = await openInBatches(
    args.clients,
    async (i) => {
      const socket = await openRawClient(cluster.urls[i % 2]!);
      socket.on('relayed', (round) => probe.arrive(i, round));
      return socket;
    },
    args.batch,
  );
  cleanup.defer('close raw sockets', () => closeAll(sockets));
  const sender = sockets[0]!; // on node A
  return (r) => {
    const received = probe.begin(r, ROUND_TIMEOUT_MS);
    sender.emit('relay', r);
    return received;
  };
}

function report(okno: Samples, raw: Samples): void {
  const rows: [string, Summary][] = [
    ['okno: last client received', summarize(okno.last)],
    ['okno: per-client delivery', summarize(okno.perClient)],
    ['raw:  last client received', summarize(raw.last)],
    ['raw:  per-client delivery', summarize(raw.perClient)],
  ];
  const [oknoLast, , rawLast] = rows.map(([, s]) => s) as [Summary, Summary, Summary, Summary];
  const ratio = oknoLast.p99 / rawLast.p99;
  const pass = ratio <= TARGET_RATIO_P99;
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`fan-out: ${args.clients} clients over 2 nodes + Redis, ${args.rounds} rounds (+${args.warmup} warm-up), ms`);
  console.log(`load average (1/5/15 min) at the end: ${load}; the box is shared, both sides feel it alike`);
  console.log(table([['', 'p50', 'p99', 'max', 'mean'], ...rows.map(([name, s]) => [name, s.p50, s.p99, s.max, s.mean])]));
  console.log(`ratio p99 okno/raw: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO_P99})`);
  if (!pass) console.log(`WARN: fan-out p99 is ${ratio.toFixed(2)}× the bare Socket.IO + Redis adapter p99 (target ≤ ${TARGET_RATIO_P99}×)`);
  console.log(
    JSON.stringify({
      clients: args.clients,
      rounds: args.rounds,
      p50_ms: ms(oknoLast.p50),
      p99_ms: ms(oknoLast.p99),
      max_ms: ms(oknoLast.max),
      raw_p50_ms: ms(rawLast.p50),
      raw_p99_ms: ms(rawLast.p99),
      ratio_p99: Math.round(ratio * 100) / 100,
      target_ratio_p99: TARGET_RATIO_P99,
      pass,
    }),
  );
}

runBench('fanout', args.timeout * 1000, async (cleanup) => {
  const sides = { okno: await okno(cleanup), raw: await raw(cleanup) };
  await sleep(1500); // let the per-node "who is online" announcement after the last connect pass
  progress(`${args.warmup} + ${args.rounds} rounds, okno and raw interleaved`);
  const samples = { okno: new Samples(), raw: new Samples() };
  for (let r = 0; r < args.warmup + args.rounds; r++) {
    // Alternate who goes first, so neither side always runs right after the other.
    for (const side of r % 2 ? (['raw', 'okno'] as const) : (['okno', 'raw'] as const)) {
      const round = await sides[side](r);
      if (r >= args.warmup) samples[side].add(round);
    }
  }
  await cleanup.run();
  report(samples.okno, samples.raw);
});
