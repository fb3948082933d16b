import type { ErrorCode } from '../../contract/errors.js';
import { hasQuorum, isVotingMember, quorumThreshold, type CompositionMember } from './composition.js';
import type { MeetingStatus } from './vocabulary.js';

/** A refused action: a code from the closed set and a message people read. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

export interface BallotContext {
  voterId: number;
  composition: readonly CompositionMember[];
  inviteeIds: readonly number[];
  voteOpen: boolean;
  alreadyVoted: boolean;
  /** Whether the voter is present at cast time (marked in the room, or joined remotely). */
  voterPresent: boolean;
  /** Members present at cast time, the voter included when present. */
  presentMembers: number;
}

/**
 * Why a ballot must be refused, or null when it may be accepted. One ballot per member
 * present, while the vote is open and the meeting has a quorum ([000] 17–18); invited
 * persons speak but do not vote ([000] 8.4, 12.4).
 */
export function ballotRefusal(ctx: BallotContext): Refusal | null {
  if (ctx.inviteeIds.includes(ctx.voterId) && !isVotingMember(ctx.composition, ctx.voterId)) {
    return { code: 'not_voting_member', message: 'Приглашённые на заседание участвуют без права голоса' };
  }
  if (!isVotingMember(ctx.composition, ctx.voterId)) {
    return { code: 'not_voting_member', message: 'Голосовать могут только члены МЦУ' };
  }
  if (!ctx.voteOpen) return { code: 'vote_closed', message: 'Голосование закрыто: результаты окончательны' };
  if (ctx.alreadyVoted) return { code: 'already_voted', message: 'Вы уже проголосовали по этому вопросу: голос изменить нельзя' };
  if (!ctx.voterPresent) {
    return { code: 'not_present', message: 'Голосовать могут только присутствующие: войдите в заседание или отметьтесь у секретаря' };
  }
  const members = ctx.composition.length;
  if (!hasQuorum(ctx.presentMembers, members)) {
    return {
      code: 'no_quorum',
      message: `Нет кворума: присутствуют ${ctx.presentMembers} из ${members} членов, нужно не менее ${quorumThreshold(members)}`,
    };
  }
  return null;
}

export interface OpenVoteContext {
  actorId: number;
  meetingStatus: MeetingStatus;
  /** Who chairs now (chairOf), or null. */
  chairId: number | null;
  anotherVoteOpen: boolean;
  presentMembers: number;
  members: number;
}

/** Why the chair may not open a vote now, or null: a live meeting, its chair, one vote at a time, a quorum. */
export function openVoteRefusal(ctx: OpenVoteContext): Refusal | null {
  if (ctx.meetingStatus !== 'live') return { code: 'invalid_transition', message: 'Голосование открывается только во время заседания' };
  if (ctx.chairId == null) {
    return { code: 'forbidden', message: 'Нет председательствующего: нужен руководитель или, в его отсутствие, заместитель' };
  }
  if (ctx.chairId !== ctx.actorId) return { code: 'forbidden', message: 'Голосование открывает председательствующий на заседании' };
  if (ctx.anotherVoteOpen) return { code: 'invalid_transition', message: 'Сначала закройте текущее голосование' };
  if (!hasQuorum(ctx.presentMembers, ctx.members)) {
    return {
      code: 'no_quorum',
      message: `Нет кворума: присутствуют ${ctx.presentMembers} из ${ctx.members} членов, нужно не менее ${quorumThreshold(ctx.members)}`,
    };
  }
  return null;
}
