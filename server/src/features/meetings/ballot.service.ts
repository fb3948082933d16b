import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, ballotRefusal, presentMemberIds, type CastVoteInput, type CompositionMemberDto, type MeetingEvent } from '@okno/shared';
import type { Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { runMeetingMutation, type MeetingDeps } from './meeting-mutation.js';
import { Ballot } from './vote.entity.js';

/** How a ballot's caller knows the voter is joined remotely: their socket is in the room. */
export interface CastPresence {
  /** The voter's own remote presence at cast time (the casting socket, or any of theirs). */
  voterRemote: boolean;
  /** Everyone joined remotely at about that time, for the quorum. */
  remoteIds: readonly number[];
}

/** Started meetings' compositions per ORM: frozen at the start, so read once. */
const frozen = new WeakMap<Orm, Map<number, CompositionMemberDto[]>>();

async function frozenComposition(orm: Orm, meetingId: number): Promise<CompositionMemberDto[]> {
  const known = frozen.get(orm) ?? new Map<number, CompositionMemberDto[]>();
  frozen.set(orm, known);
  const hit = known.get(meetingId);
  if (hit) return hit;
  const [row] = await orm.em.fork().execute<{ composition: CompositionMemberDto[] | null }[]>('select composition from meeting where id = ?', [meetingId]);
  if (row?.composition) known.set(meetingId, row.composition);
  return row?.composition ?? [];
}

interface BallotFacts {
  status: string | null;
  invitees: number[];
  in_room: number[];
  mine: string | number;
}

/**
 * Casts one ballot. Refused with a clear code for a non-member or an invitee, a closed vote,
 * a second ballot, a voter not present, or a meeting without quorum (shared ballotRefusal).
 * A ballot takes a shared lock on its vote, so ballots run side by side while the close waits
 * for them. The ballot row goes in first (a second one from the same member waits on it, then
 * fails on the primary key); under the append lock the count and the meeting's latest seq are
 * then exact, so live counts rise with seq. The hot path reads no large rows in the transaction.
 */
export async function castVote(deps: MeetingDeps, actor: Actor, input: CastVoteInput, presence: CastPresence): Promise<MeetingEvent> {
  // Before the transaction (never a second connection inside one): the frozen composition.
  const composition = await frozenComposition(deps.orm, input.meetingId);
  try {
    return await runMeetingMutation(deps, actor, input.mutationId, async (em) => {
      const [facts] = await em.execute<BallotFacts[]>(
        `select v.status,
           array(select user_id from meeting_invitee where meeting_id = v.meeting_id) as invitees,
           array(select user_id from meeting_attendance where meeting_id = v.meeting_id and in_room) as in_room,
           (select count(*) from meeting_ballot where vote_id = v.id and member_id = ?) as mine
         from meeting_vote v where v.id = ? and v.meeting_id = ? for share of v`,
        [actor.id, input.voteId, input.meetingId],
      );
      if (!facts) throw new AppError('not_found', 'Голосование не найдено');
      const voterPresent = presence.voterRemote || facts.in_room.includes(actor.id);
      const present = presentMemberIds(composition, facts.in_room, [...presence.remoteIds, ...(voterPresent ? [actor.id] : [])]);
      const refusal = ballotRefusal({
        voterId: actor.id,
        composition,
        inviteeIds: facts.invitees,
        voteOpen: facts.status === 'open',
        alreadyVoted: Number(facts.mine) > 0,
        voterPresent,
        presentMembers: present.length,
      });
      if (refusal) throw new AppError(refusal.code, refusal.message);
      em.create(Ballot, { voteId: input.voteId, memberId: actor.id, choice: input.choice, castAt: new Date() });
      await em.flush();
      return {
        meetingId: input.meetingId,
        data: { type: 'vote.cast', voteId: input.voteId, voter: { id: actor.id, name: actor.name }, castCount: 0 },
        count: { ballotsOfVote: input.voteId },
      };
    });
  } catch (e) {
    // Two ballots of one member at the same instant: the primary key lets one in.
    if (e instanceof UniqueConstraintViolationException) {
      throw new AppError('already_voted', 'Вы уже проголосовали по этому вопросу: голос изменить нельзя');
    }
    throw e;
  }
}
