import { hasQuorum } from './composition.js';
import type { VoteChoice, VoteOutcome } from './vocabulary.js';

export interface Ballot {
  memberId: number;
  choice: VoteChoice;
}

export interface TallyInput {
  /** Size of the meeting's composition (voting members). */
  members: number;
  /** Members present when the vote closes. Anyone who cast a ballot counts as present. */
  presentIds: readonly number[];
  /** Accepted ballots, at most one per member. */
  ballots: readonly Ballot[];
  /** Who chaired the vote (head, or the deputy in the head's absence); null if nobody could. */
  chairId: number | null;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  /** Present members who cast no ballot. */
  notVoted: number;
  /** The base of the majority: members present. */
  present: number;
  members: number;
  quorum: boolean;
  /** Votes «for» needed for a majority of the members present. */
  majority: number;
  outcome: VoteOutcome;
  /** True when the base split evenly and the chair's ballot decided. */
  decidedByChair: boolean;
}

/**
 * The one tally of a vote, used by the server at close and by clients for display.
 *
 * [000] 18: «Решения МЦУ принимаются простым большинством голосов присутствующих на заседании
 * членов МЦУ. В случае равенства голосов решающим является голос руководителя МЦУ либо
 * замещающего его лица.» Read precisely:
 * - the base is the members present (P), not the ballots cast: a decision needs «for» from more
 *   than half of them, 2·for > P. Abstentions and present members who did not vote therefore
 *   count against adoption, as the clause names the members present as the base;
 * - «равенство голосов» is the one case the majority rule cannot settle: exactly half of those
 *   present voted «for» and the other half did not (2·for = P). Then the chair's ballot decides:
 *   «for» adopts; «against», an abstention or no ballot from the chair leaves it not adopted.
 *   The casting vote never adopts a decision supported by fewer than half of those present;
 * - without a quorum ([000] 17) nothing is decided: the outcome is `no_quorum`.
 * The chair is the head when present, else the deputy ([000] 14): see chairOf().
 */
export function tallyVote(input: TallyInput): Tally {
  const byMember = new Map<number, VoteChoice>();
  for (const b of input.ballots) if (!byMember.has(b.memberId)) byMember.set(b.memberId, b.choice);
  const counts: Record<VoteChoice, number> = { for: 0, against: 0, abstain: 0 };
  for (const choice of byMember.values()) counts[choice] += 1;
  const present = new Set([...input.presentIds, ...byMember.keys()]).size;
  const quorum = hasQuorum(present, input.members);
  const majority = Math.floor(present / 2) + 1;
  const base = { ...counts, notVoted: present - byMember.size, present, members: input.members, quorum, majority };
  if (!quorum) return { ...base, outcome: 'no_quorum', decidedByChair: false };
  if (counts.for * 2 > present) return { ...base, outcome: 'adopted', decidedByChair: false };
  if (counts.for * 2 === present && present > 0) {
    const chairChoice = input.chairId == null ? undefined : byMember.get(input.chairId);
    if (chairChoice === 'for') return { ...base, outcome: 'adopted', decidedByChair: true };
    return { ...base, outcome: 'rejected', decidedByChair: chairChoice === 'against' };
  }
  return { ...base, outcome: 'rejected', decidedByChair: false };
}
