/**
 * pnpm bench vote [--participants 200] [--rounds 3] [--window 1000] [--batch 50] [--timeout 300]
 *
 * Live remote voting at scale. N members of the centre (created for the run) join one live
 * meeting remotely, split over two Okno nodes (one test database, one Redis), with the head in
 * the chair. Each round the head opens a vote and every member casts one ballot, the casts
 * spread evenly over `--window` ms (all within one second by default), half through each node.
 * For each cast we time from just before the emit until the `vote.cast` event with that ballot
 * (the live count) has reached every participant (all N members and the chair); all clients
 * live in this process, so one performance.now() serves both ends. Each node runs in its own
 * process, as deployed. After the close the
 * result must count every ballot. The last stdout line is one JSON object of figures; a
 * miscount or a refused ballot fails the run, a p99 over one second prints WARN.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Ack, MeetingEvent, VoteChoice } from '@okno/shared';
import { createTestDatabase, login, mutationId, openSocket, type ClientSocket } from '@okno/server/testing';
import { createMembers, joinMeeting, meetingOk, startedMeeting } from './lib/meetings.js';
import { startNodeProcess } from './lib/node-process.js';
import { intArgs, progress, runBench, sleep, type Cleanup } from './lib/run.js';
import { closeAll, openInBatches } from './lib/sockets.js';
import { ms, summarize, table } from './lib/stats.js';

const args = intArgs({ participants: 200, rounds: 3, window: 1000, batch: 50, timeout: 300 });
const ROUND_TIMEOUT_MS = 30_000;
const TARGET_P99_MS = 1000;
const CHOICES: readonly VoteChoice[] = ['for', 'for', 'against', 'abstain'];

interface Cluster {
  urls: string[];
  head: string;
  meetingId: number;
  itemId: number;
  voters: ClientSocket[];
  /** Voter member id → index. */
  indexOf: Map<number, number>;
  /** Every listener: the voters, then the chair. */
  listeners: ClientSocket[];
}

async function setUp(cleanup: Cleanup): Promise<Cluster> {
  const db = await createTestDatabase();
  cleanup.defer('drop test database', () => db.drop());
  // Each node in its own process, as deployed; the clients stay in this one.
  const a = await startNodeProcess(db.url, { redis: true, nodeId: 'bench-a' });
  cleanup.defer('close node a', () => a.close());
  const b = await startNodeProcess(db.url, { redis: true, seed: false, nodeId: 'bench-b' });
  cleanup.defer('close node b', () => b.close());
  const [head, secretary, member] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(a.url, l)));
  progress(`creating ${args.participants} members`);
  const members = await createMembers(db.url, args.participants, 'bench');
  const { meetingId, itemId } = await startedMeeting(a.url, { head: head!, secretary: secretary!, member: member! });
  progress(`opening ${args.participants} sockets over 2 nodes and joining the meeting`);
  const urls = [a.url, b.url];
  const voters = await openInBatches(args.participants, (i) => openSocket(urls[i % 2]!, members[i]!.token), args.batch);
  cleanup.defer('close voter sockets', () => closeAll(voters));
  for (let i = 0; i < voters.length; i += args.batch) await Promise.all(voters.slice(i, i + args.batch).map((s) => joinMeeting(s, meetingId)));
  const chair = await openSocket(a.url, head!);
  cleanup.defer('close chair socket', () => chair.close());
  await joinMeeting(chair, meetingId);
  return { urls, head: head!, meetingId, itemId, voters, indexOf: new Map(members.map((m, i) => [m.id, i])), listeners: [...voters, chair] };
}

interface RoundResult {
  /** Per cast: emit → the last participant received its vote.cast. */
  reachAll: number[];
  /** Per delivery: emit → one participant received it. */
  perDelivery: number[];
  /** Per cast: emit → acknowledgement. */
  ack: number[];
  /** From the first emit to the last acknowledgement. */
  castSpanMs: number;
  counted: number;
  refused: number;
}

async function round(c: Cluster, r: number): Promise<RoundResult> {
  const opened = await meetingOk(c.urls[r % 2]!, c.head, `/${c.meetingId}/votes`, { agendaItemId: c.itemId, question: `Вопрос ${r + 1}` });
  const voteId = opened.data.type === 'vote.opened' ? opened.data.vote.id : -1;
  const n = c.voters.length;
  const sentAt = new Float64Array(n).fill(Number.NaN);
  const reached = new Int32Array(n);
  const lastAt = new Float64Array(n);
  const perDelivery: number[] = [];
  let complete = 0;
  let finish: () => void = () => undefined;
  const allReached = new Promise<void>((resolve, reject) => {
    finish = resolve;
    setTimeout(() => reject(new Error(`round ${r}: ${n - complete} of ${n} ballots did not reach everyone in ${ROUND_TIMEOUT_MS} ms`)), ROUND_TIMEOUT_MS).unref();
  });
  const listeners = c.listeners.map((socket) => {
    const onEvent = (e: MeetingEvent) => {
      if (e.data.type !== 'vote.cast' || e.data.voteId !== voteId) return;
      const v = c.indexOf.get(e.data.voter.id);
      if (v === undefined) return;
      const now = performance.now();
      perDelivery.push(now - sentAt[v]!);
      lastAt[v] = Math.max(lastAt[v]!, now);
      if (++reached[v]! === c.listeners.length && ++complete === n) finish();
    };
    socket.on('meeting:event', onEvent);
    return () => socket.off('meeting:event', onEvent);
  });

  const ackMs: number[] = [];
  let refused = 0;
  const t0 = performance.now();
  const casts = c.voters.map(
    (socket, i) =>
      new Promise<void>((resolve) => {
        setTimeout(() => {
          sentAt[i] = performance.now();
          const payload = { mutationId: mutationId(), meetingId: c.meetingId, voteId, choice: CHOICES[i % CHOICES.length]! };
          (socket.timeout(ROUND_TIMEOUT_MS).emitWithAck('meeting:cast', payload) as Promise<Ack<MeetingEvent>>).then(
            (ack) => {
              ackMs.push(performance.now() - sentAt[i]!);
              if (!ack.ok) {
                refused++;
                console.error(`ballot ${i} refused: ${ack.error.code} ${ack.error.message}`);
              }
              resolve();
            },
            () => {
              refused++;
              resolve();
            },
          );
        }, (i * args.window) / n);
      }),
  );
  await Promise.all(casts);
  const castSpanMs = performance.now() - t0;
  await allReached.finally(() => listeners.forEach((off) => off()));
  const closed = await meetingOk(c.urls[(r + 1) % 2]!, c.head, `/${c.meetingId}/votes/close`, { voteId });
  const tally = closed.data.type === 'vote.closed' ? closed.data.vote.result!.tally : null;
  const counted = tally ? tally.for + tally.against + tally.abstain : 0;
  return { reachAll: Array.from(lastAt, (at, i) => at - sentAt[i]!), perDelivery, ack: ackMs, castSpanMs, counted, refused };
}

runBench('vote', args.timeout * 1000, async (cleanup) => {
  const cluster = await setUp(cleanup);
  await sleep(1000); // let the presence announcements after the joins pass
  const results: RoundResult[] = [];
  for (let r = 0; r < args.rounds; r++) {
    progress(`round ${r + 1}/${args.rounds}: ${args.participants} ballots within ${args.window} ms`);
    results.push(await round(cluster, r));
  }
  await cleanup.run();

  const reach = summarize(results.flatMap((x) => x.reachAll));
  const delivery = summarize(results.flatMap((x) => x.perDelivery));
  const ack = summarize(results.flatMap((x) => x.ack));
  const allCounted = results.every((x) => x.counted === args.participants && x.refused === 0);
  const span = Math.max(...results.map((x) => x.castSpanMs));
  console.log(`vote: ${args.participants} members + the chair over 2 nodes + Redis, ${args.rounds} rounds, casts spread over ${args.window} ms; ms`);
  console.log(`load average (1/5/15 min) at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(
    table([
      ['', 'p50', 'p99', 'max', 'mean'],
      ['cast → live count at every participant', reach.p50, reach.p99, reach.max, reach.mean],
      ['cast → one participant (per delivery)', delivery.p50, delivery.p99, delivery.max, delivery.mean],
      ['cast → acknowledgement', ack.p50, ack.p99, ack.max, ack.mean],
    ]),
  );
  console.log(`counted per round: ${results.map((x) => x.counted).join(', ')} of ${args.participants}; refused: ${results.reduce((s, x) => s + x.refused, 0)}`);
  if (!allCounted) process.exitCode = 1;
  if (reach.p99 > TARGET_P99_MS) console.log(`WARN: p99 cast → every participant is ${ms(reach.p99)} ms (target ≤ ${TARGET_P99_MS} ms)`);
  console.log(
    JSON.stringify({
      participants: args.participants,
      nodes: 2,
      rounds: args.rounds,
      window_ms: args.window,
      last_ack_after_first_cast_ms: ms(span),
      counted: results.map((x) => x.counted),
      all_counted: allCounted,
      reach_all_p50_ms: ms(reach.p50),
      reach_all_p99_ms: ms(reach.p99),
      reach_all_max_ms: ms(reach.max),
      delivery_p99_ms: ms(delivery.p99),
      ack_p50_ms: ms(ack.p50),
      ack_p99_ms: ms(ack.p99),
      target_p99_ms: TARGET_P99_MS,
      pass: allCounted && reach.p99 <= TARGET_P99_MS,
    }),
  );
});
