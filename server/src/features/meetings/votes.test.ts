import { tallyVote, type Ack, type MeetingEvent, type MeetingState, type MeetingSyncResult } from '@okno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { createTestDatabase, openSocket, startNode, type ClientSocket, type TestDatabase } from '../../testing/harness.js';
import { act, liveMeeting, loginAll, ok, state, userIds, type Person, type Tokens } from './meetings.testing.js';

let db: TestDatabase;
let node: Okno;
let t: Tokens;
let ids: Record<Person, number>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  t = await loginAll(node.url);
  ids = await userIds(node.url, t);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await node?.close();
  await db?.drop();
});

/** Joins the meeting remotely over a socket (present while connected). */
async function joinRemotely(who: Person, meetingId: number): Promise<{ socket: ClientSocket; state: MeetingState; events: MeetingEvent[] }> {
  const socket = await openSocket(node.url, t[who]);
  sockets.push(socket);
  const events: MeetingEvent[] = [];
  socket.on('meeting:event', (e) => events.push(e));
  const ack = (await socket.emitWithAck('meeting:join', { meetingId })) as Ack<MeetingState>;
  if (!ack.ok) throw new Error(ack.error.message);
  return { socket, state: ack.data, events };
}

const cast = (who: Person, meetingId: number, voteId: number, choice = 'for', mutationId?: string) =>
  act(node.url, t[who], `/${meetingId}/votes/cast`, { voteId, choice, ...(mutationId ? { mutationId } : {}) });
const voteIdOf = (e: MeetingEvent) => (e.data.type === 'vote.opened' ? e.data.vote.id : -1);

describe('ballot integrity: each refusal has its code', () => {
  // head, secretary, member1 in the room; member2 remotely; deputy and member3 absent: 4 of 6.
  let meetingId: number;
  let itemId: number;
  let voteId: number;
  let remote: Awaited<ReturnType<typeof joinRemotely>>;

  beforeAll(async () => {
    const m = await liveMeeting(node.url, t, ['head', 'secretary', 'member1']);
    meetingId = m.meetingId;
    itemId = m.itemIds[0]!;
    await ok(node.url, t.secretary, `/${meetingId}/invite`, { userId: ids.executor_housing });
    await ok(node.url, t.secretary, `/${meetingId}/attendance`, { userId: ids.executor_housing, inRoom: true });
    remote = await joinRemotely('member2', meetingId);
  });

  it('lets only the chair open a vote: the head when present, not a member or the absent deputy', async () => {
    for (const who of ['member1', 'deputy', 'secretary'] as const) {
      const res = await act(node.url, t[who], `/${meetingId}/votes`, { agendaItemId: itemId, question: 'Утвердить план' });
      expect(res.body.code, who).toBe('forbidden');
    }
    voteId = voteIdOf(await ok(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemId, question: 'Утвердить план' }));
    expect(voteId).toBeGreaterThan(0);
    const second = await act(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemId, question: 'Ещё одно' });
    expect(second.body.code).toBe('invalid_transition');
  });

  it('refuses a ballot from a person outside the composition', async () => {
    const res = await cast('operator1', meetingId, voteId);
    expect([res.status, res.body.code]).toEqual([403, 'not_voting_member']);
    expect(res.body.message).toMatch(/только члены МЦУ/);
  });

  it('refuses a ballot from an invited person, even one present in the room', async () => {
    const res = await cast('executor_housing', meetingId, voteId);
    expect([res.status, res.body.code]).toEqual([403, 'not_voting_member']);
    expect(res.body.message).toMatch(/Приглашённые/);
  });

  it('refuses a ballot from an absent member', async () => {
    const res = await cast('member3', meetingId, voteId);
    expect([res.status, res.body.code]).toEqual([403, 'not_present']);
  });

  it('takes one ballot per member: a second is refused, a retry of the first answers the first', async () => {
    const mid = 'retry-of-the-first-ballot';
    const first = await cast('member1', meetingId, voteId, 'for', mid);
    expect(first.status).toBe(200);
    const retry = await cast('member1', meetingId, voteId, 'for', mid);
    expect(retry.body).toEqual(first.body);
    const second = await cast('member1', meetingId, voteId, 'against');
    expect([second.status, second.body.code]).toEqual([409, 'already_voted']);
  });

  it('accepts a remote member casting over the socket in the room, and everyone sees the live count', async () => {
    const ack = (await remote.socket.emitWithAck('meeting:cast', { mutationId: 'remote-ballot-0001', meetingId, voteId, choice: 'against' })) as Ack<MeetingEvent>;
    expect(ack.ok).toBe(true);
    await expect.poll(() => remote.events.filter((e) => e.data.type === 'vote.cast').map((e) => (e.data.type === 'vote.cast' ? e.data.castCount : 0))).toEqual([1, 2]);
    const voters = remote.events.flatMap((e) => (e.data.type === 'vote.cast' ? [e.data.voter.id] : []));
    expect(voters).toEqual([ids.member1, ids.member2]);
    // Nobody sees how anyone voted before the close.
    expect(JSON.stringify(remote.events)).not.toMatch(/"choice"/);
  });

  it('closes with the shared tally over those present, freezes it, and refuses ballots afterwards', async () => {
    await ok(node.url, t.head, `/${meetingId}/votes/cast`, { voteId, choice: 'for' });
    await ok(node.url, t.secretary, `/${meetingId}/votes/cast`, { voteId, choice: 'abstain' });
    expect((await act(node.url, t.member1, `/${meetingId}/votes/close`, { voteId })).body.code).toBe('forbidden');
    const closed = await ok(node.url, t.head, `/${meetingId}/votes/close`, { voteId });
    if (closed.data.type !== 'vote.closed') throw new Error('not closed');
    const result = closed.data.vote.result!;
    const expected = tallyVote({
      members: 6,
      presentIds: [ids.head, ids.secretary, ids.member1, ids.member2],
      ballots: [
        { memberId: ids.member1, choice: 'for' },
        { memberId: ids.member2, choice: 'against' },
        { memberId: ids.head, choice: 'for' },
        { memberId: ids.secretary, choice: 'abstain' },
      ],
      chairId: ids.head,
    });
    expect(result.tally).toEqual(expected);
    expect(result.tally).toMatchObject({ for: 2, against: 1, abstain: 1, present: 4, outcome: 'adopted', decidedByChair: true });
    expect(result.ballots?.map((b) => [b.voter.id, b.choice])).toEqual([
      [ids.member1, 'for'],
      [ids.member2, 'against'],
      [ids.head, 'for'],
      [ids.secretary, 'abstain'],
    ]);
    await ok(node.url, t.secretary, `/${meetingId}/attendance`, { userId: ids.member3, inRoom: true });
    const late = await cast('member3', meetingId, voteId);
    expect([late.status, late.body.code]).toEqual([409, 'vote_closed']);
    expect((await act(node.url, t.head, `/${meetingId}/votes/close`, { voteId })).body.code).toBe('vote_closed');
  });

  it('logs every accepted ballot as one event and nothing for a refused one', async () => {
    const sync = (await remote.socket.emitWithAck('meeting:sync', { meetingId, sinceSeq: remote.state.seq })) as Ack<MeetingSyncResult>;
    if (!sync.ok) throw new Error(sync.error.message);
    const casts = sync.data.events.filter((e) => e.data.type === 'vote.cast');
    expect(casts.map((e) => (e.data.type === 'vote.cast' ? e.data.voter.id : 0))).toEqual([ids.member1, ids.member2, ids.head, ids.secretary]);
  });

  it('has the database refuse to rewrite a ballot or a closed vote, or to add a ballot to it', async () => {
    const em = node.deps.orm.em.fork();
    await expect(em.execute(`update meeting_ballot set choice = 'against' where vote_id = ?`, [voteId])).rejects.toThrow(/ballots are final/);
    await expect(em.execute(`update meeting_vote set result = null where id = ?`, [voteId])).rejects.toThrow(/closed vote is final/);
    await expect(em.execute(`insert into meeting_ballot (vote_id, member_id, choice, cast_at) values (?, ?, 'for', now())`, [voteId, ids.member3])).rejects.toThrow(
      /vote is closed/,
    );
  });
});

describe('quorum: at least half of the members present ([000] 17)', () => {
  it('refuses to open a vote without quorum, and a ballot once the quorum is lost', async () => {
    const { meetingId, itemIds } = await liveMeeting(node.url, t, ['head', 'member1']);
    const none = await act(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'Без кворума' });
    expect([none.status, none.body.code]).toEqual([409, 'no_quorum']);
    expect(none.body.message).toMatch(/Нет кворума: присутствуют 2 из 6/);
    await ok(node.url, t.secretary, `/${meetingId}/attendance`, { userId: ids.secretary, inRoom: true });
    const voteId = voteIdOf(await ok(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'С кворумом' }));
    await ok(node.url, t.secretary, `/${meetingId}/attendance`, { userId: ids.member1, inRoom: false });
    const lost = await cast('secretary', meetingId, voteId);
    expect([lost.status, lost.body.code]).toEqual([409, 'no_quorum']);
  });

  it('counts a remote member for the quorum only while connected', async () => {
    const { meetingId, itemIds } = await liveMeeting(node.url, t, ['head', 'member1']);
    const { socket } = await joinRemotely('member2', meetingId);
    const voteId = voteIdOf(await ok(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'С дистанционным участником' }));
    socket.disconnect();
    await expect.poll(async () => (await state(node.url, t.head, meetingId)).remote.map((p) => p.id)).not.toContain(ids.member2);
    const lost = await cast('head', meetingId, voteId);
    expect([lost.status, lost.body.code]).toEqual([409, 'no_quorum']);
    await joinRemotely('member2', meetingId);
    expect((await cast('head', meetingId, voteId)).status).toBe(200);
  });
});

describe('the casting vote on a tie ([000] 18)', () => {
  it('belongs to the deputy chairing in the head’s absence', async () => {
    const { meetingId, itemIds } = await liveMeeting(node.url, t, ['deputy', 'secretary', 'member1', 'member2']);
    expect((await act(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'Вопрос' })).body.code).toBe('forbidden');
    const voteId = voteIdOf(await ok(node.url, t.deputy, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'Вопрос' }));
    await cast('deputy', meetingId, voteId, 'for');
    await cast('secretary', meetingId, voteId, 'for');
    await cast('member1', meetingId, voteId, 'against');
    await cast('member2', meetingId, voteId, 'against');
    const closed = await ok(node.url, t.deputy, `/${meetingId}/votes/close`, { voteId });
    if (closed.data.type !== 'vote.closed') throw new Error('not closed');
    expect(closed.data.vote.chair.id).toBe(ids.deputy);
    expect(closed.data.vote.result!.tally).toMatchObject({ for: 2, against: 2, present: 4, outcome: 'adopted', decidedByChair: true });
  });

  it('belongs to the head chairing, who can also decide against', async () => {
    const { meetingId, itemIds } = await liveMeeting(node.url, t, ['head', 'deputy', 'secretary', 'member1']);
    const voteId = voteIdOf(await ok(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'Вопрос' }));
    for (const [who, choice] of [['head', 'against'], ['member1', 'against'], ['deputy', 'for'], ['secretary', 'for']] as const) {
      expect((await cast(who, meetingId, voteId, choice)).status).toBe(200);
    }
    const closed = await ok(node.url, t.head, `/${meetingId}/votes/close`, { voteId });
    if (closed.data.type !== 'vote.closed') throw new Error('not closed');
    expect(closed.data.vote.result!.tally).toMatchObject({ for: 2, against: 2, outcome: 'rejected', decidedByChair: true });
  });
});
