import { applyMeetingEvent, meetingEventStep, type Ack, type MeetingEvent, type MeetingState, type MeetingSyncResult, type VoteChoice } from '@okno/shared';
import { createTestDatabase, login, mutationId, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMembers, joinMeeting, meetingOk, startedMeeting, type Member } from '../bench/lib/meetings.js';

type Node = Awaited<ReturnType<typeof startNode>>;
const MEMBERS = 30;
let db: TestDatabase;
const nodes: Node[] = [];
let members: Member[];
let sockets: ClientSocket[];
let head: ClientSocket;
let t: { head: string; secretary: string; member: string };
let meetingId: number;
let itemId: number;
/** Every meeting event each member's socket received, in arrival order. */
const received: MeetingEvent[][] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  nodes.push(await startNode(db.url, { redis: true, nodeId: 'node-a' }));
  nodes.push(await startNode(db.url, { redis: true, seed: false, nodeId: 'node-b' }));
  const [a, b] = nodes;
  const [h, s, m] = await Promise.all(['head', 'secretary', 'member1'].map((l) => login(a!.url, l)));
  t = { head: h!, secretary: s!, member: m! };
  members = await createMembers(db.url, MEMBERS);
  ({ meetingId, itemId } = await startedMeeting(b!.url, t)); // the composition is frozen with them in it
  sockets = await Promise.all(members.map((mem, i) => openSocket(nodes[i % 2]!.url, mem.token)));
  sockets.forEach((socket, i) => {
    received[i] = [];
    socket.on('meeting:event', (e) => received[i]!.push(e));
  });
  await Promise.all(sockets.map((socket) => joinMeeting(socket, meetingId)));
  head = await openSocket(a!.url, t.head);
  await joinMeeting(head, meetingId); // the chair, present remotely
});

afterAll(async () => {
  for (const s of [...(sockets ?? []), head]) s?.close();
  // The presence feature announces who is online 1 s after a socket comes or goes; let that
  // pass before Redis closes, or its late emit rejects unhandled.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await Promise.all(nodes.map((n) => n.close()));
  await db?.drop();
});

const openVote = async (question: string) => {
  const e = await meetingOk(nodes[1]!.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemId, question });
  return e.data.type === 'vote.opened' ? e.data.vote.id : -1;
};
const cast = (socket: ClientSocket, voteId: number, choice: VoteChoice) =>
  socket.timeout(20_000).emitWithAck('meeting:cast', { mutationId: mutationId(), meetingId, voteId, choice }) as Promise<Ack<MeetingEvent>>;
const choiceOf = (i: number): VoteChoice => (['for', 'for', 'against', 'abstain'] as const)[i % 4]!;

describe(`${MEMBERS} members voting at the same moment over two nodes`, () => {
  it('counts every ballot exactly once and shows every participant the same live count', async () => {
    const voteId = await openVote('Утвердить план на квартал');
    const acks = await Promise.all(sockets.map((s, i) => cast(s, voteId, choiceOf(i))));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    // The live counts rise 1..30 in seq order; everyone receives all 30, on either node.
    const counts = (events: MeetingEvent[]) => events.flatMap((e) => (e.data.type === 'vote.cast' && e.data.voteId === voteId ? [e.data.castCount] : []));
    const expected = Array.from({ length: MEMBERS }, (_, i) => i + 1);
    for (let i = 0; i < MEMBERS; i++) await expect.poll(() => [...counts(received[i]!)].sort((x, y) => x - y), { timeout: 10_000 }).toEqual(expected);
    const bySeq = [...received[0]!].filter((e) => e.data.type === 'vote.cast').sort((x, y) => x.seq - y.seq);
    expect(counts(bySeq)).toEqual(expected);

    const closed = await meetingOk(nodes[0]!.url, t.head, `/${meetingId}/votes/close`, { voteId });
    if (closed.data.type !== 'vote.closed') throw new Error('not closed');
    const tally = closed.data.vote.result!.tally;
    const want = (c: VoteChoice) => members.filter((_, i) => choiceOf(i) === c).length;
    expect(tally).toMatchObject({ for: want('for'), against: want('against'), abstain: want('abstain'), notVoted: 1, present: MEMBERS + 1, members: MEMBERS + 6 });
    expect(closed.data.vote.result!.ballots).toHaveLength(MEMBERS);
  });

  it('shows a member who reconnects mid-vote the right state, by snapshot and by replay', async () => {
    const voteId = await openVote('Одобрить отчёт');
    const away = 7; // on node b
    const before = await joinMeeting(sockets[away]!, meetingId);
    for (let i = 0; i < 12; i++) if (i !== away) expect((await cast(sockets[i]!, voteId, 'for')).ok).toBe(true);
    const lastSeen = received[away]!.filter((e) => e.seq > before.seq).reduce<MeetingState>((s, e) => applyMeetingEvent(s, e), before);
    sockets[away]!.disconnect();
    // While it is away, more ballots arrive over both nodes.
    const more = await Promise.all(sockets.slice(12, 24).map((s) => cast(s, voteId, 'against')));
    expect(more.every((a) => a.ok)).toBe(true);

    const back = await openSocket(nodes[0]!.url, members[away]!.token); // the other node
    sockets[away] = back;
    const sync = (await back.emitWithAck('meeting:sync', { meetingId, sinceSeq: lastSeen.seq })) as Ack<MeetingSyncResult>;
    if (!sync.ok) throw new Error(sync.error.message);
    expect(sync.data.reload).toBe(false);
    let replayed = lastSeen;
    for (const e of sync.data.events) {
      expect(meetingEventStep(replayed.seq, e)).toBe('apply');
      replayed = applyMeetingEvent(replayed, e);
    }
    const fresh = await joinMeeting(back, meetingId);
    const vote = (s: MeetingState) => s.votes.find((v) => v.id === voteId)!;
    expect(vote(fresh).castCount).toBe(23);
    expect(vote(fresh).status).toBe('open');
    expect(vote(replayed)).toEqual(vote(fresh));
    expect(replayed.seq).toBe(fresh.seq);
    // Back in the room, the member is present again and may vote once.
    expect((await cast(back, voteId, 'abstain')).ok).toBe(true);
    const twice = await cast(back, voteId, 'for');
    expect(!twice.ok && twice.error.code).toBe('already_voted');
    await meetingOk(nodes[1]!.url, t.head, `/${meetingId}/votes/close`, { voteId });
  });
});
