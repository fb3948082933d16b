import { LockMode } from '@mikro-orm/core';
import {
  AppError,
  chairOf,
  openVoteRefusal,
  presentMemberIds,
  tallyVote,
  type CloseVoteInput,
  type MeetingEvent,
  type OpenVoteInput,
  type VoteResultDto,
} from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { recordRemote } from './live.service.js';
import { votersInLogOrder } from './meeting-events.js';
import { runMeetingMutation, type MeetingDeps } from './meeting-mutation.js';
import { AgendaItem, type Meeting } from './meeting.entity.js';
import { compositionOf, inRoomIdsOf, loadMeeting } from './meetings.access.js';
import { namesOf } from './meetings.dto.js';
import { votesOf } from './meetings.query.js';
import { Ballot, Vote } from './vote.entity.js';

/** Members present now: marked in the room, or joined remotely (also recorded for the protocol). */
async function presentNow(em: Em, deps: MeetingDeps, meeting: Meeting): Promise<number[]> {
  const remote = await recordRemote(em, deps.meetingRealtime, meeting);
  return presentMemberIds(await compositionOf(em, meeting), await inRoomIdsOf(em, meeting.id), remote);
}

const voteNotFound = () => new AppError('not_found', 'Голосование не найдено');

/**
 * The chair opens a vote on an agenda item: only in a live meeting with a quorum, one vote at
 * a time ([000] 17). Who chairs now (head, else deputy) is recorded: their ballot breaks a tie.
 */
export function openVote(deps: MeetingDeps, actor: Actor, input: OpenVoteInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    const composition = await compositionOf(em, meeting);
    const present = await presentNow(em, deps, meeting);
    const chair = chairOf(composition, present);
    const refusal = openVoteRefusal({
      actorId: actor.id,
      meetingStatus: meeting.status,
      chairId: chair?.id ?? null,
      anotherVoteOpen: (await em.count(Vote, { meetingId: meeting.id, status: 'open' })) > 0,
      presentMembers: present.length,
      members: composition.length,
    });
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const item = await em.findOne(AgendaItem, { id: input.agendaItemId, meetingId: meeting.id, status: 'included' });
    if (!item) throw new AppError('not_found', 'Вопрос не найден в повестке этого заседания');
    const vote = em.create(Vote, {
      meetingId: meeting.id,
      agendaItemId: item.id,
      question: input.question,
      secret: input.secret,
      status: 'open',
      chairId: chair!.id,
      openedById: actor.id,
      openedAt: new Date(),
      presentAtOpen: present,
    });
    await em.flush();
    const [dto] = await votesOf(em, meeting.id, vote.id);
    return { meetingId: meeting.id, data: { type: 'vote.opened', vote: dto! } };
  });
}

/**
 * Closes a vote and freezes its result, tallied by the shared rule ([000] 18) over the members
 * present at the close (and everyone who voted). The exclusive lock waits for ballots in
 * flight; a database trigger keeps the result from ever changing afterwards.
 */
export function closeVote(deps: MeetingDeps, actor: Actor, input: CloseVoteInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    const vote = await em.findOne(Vote, { id: input.voteId, meetingId: meeting.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!vote) throw voteNotFound();
    if (vote.status !== 'open') throw new AppError('vote_closed', 'Голосование уже закрыто: результаты окончательны');
    const composition = await compositionOf(em, meeting);
    const present = await presentNow(em, deps, meeting);
    const chair = chairOf(composition, present);
    if (actor.id !== vote.chairId && actor.id !== chair?.id) {
      throw new AppError('forbidden', 'Голосование закрывает председательствующий на заседании');
    }
    const order = (await votersInLogOrder(em, meeting.id)).get(vote.id) ?? [];
    const rows = await em.find(Ballot, { voteId: vote.id });
    const ballots = order.flatMap((memberId) => rows.filter((b) => b.memberId === memberId));
    const tally = tallyVote({ members: composition.length, presentIds: present, ballots, chairId: vote.chairId });
    const counted = [...new Set([...present, ...ballots.map((b) => b.memberId)])];
    const names = await namesOf(em, counted);
    const ref = (id: number) => names.get(id) ?? { id, name: '' };
    const result: VoteResultDto = {
      tally,
      ballots: vote.secret ? null : ballots.map((b) => ({ voter: ref(b.memberId), choice: b.choice })),
      present: counted.map(ref).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    };
    Object.assign(vote, { status: 'closed', closedAt: new Date(), result } satisfies Partial<Vote>);
    await em.flush();
    const [dto] = await votesOf(em, meeting.id, vote.id);
    return { meetingId: meeting.id, data: { type: 'vote.closed', vote: dto! } };
  });
}
