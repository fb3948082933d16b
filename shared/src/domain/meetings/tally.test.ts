import { describe, expect, it } from 'vitest';
import { chairOf, compositionFrom, hasQuorum, presentMemberIds, quorumThreshold, type CompositionMember } from './composition.js';
import { tallyVote, type Ballot } from './tally.js';
import type { VoteChoice } from './vocabulary.js';

// The demo centre: head, deputy, secretary (all members) and three members: 6 voting members.
const composition: CompositionMember[] = compositionFrom([
  { id: 1, name: 'Орлов', roles: ['head', 'member'] },
  { id: 2, name: 'Лебедева', roles: ['deputy_head', 'member'] },
  { id: 3, name: 'Титова', roles: ['secretary', 'member'] },
  { id: 4, name: 'Воробьёв', roles: ['member'] },
  { id: 5, name: 'Киселёва', roles: ['member'] },
  { id: 6, name: 'Никитин', roles: ['member'] },
  { id: 7, name: 'Смирнова', roles: ['operator'] },
]);
const HEAD = 1;
const DEPUTY = 2;

const ballots = (choices: Record<number, VoteChoice>): Ballot[] =>
  Object.entries(choices).map(([id, choice]) => ({ memberId: Number(id), choice }));

describe('composition [000] 10', () => {
  it('counts head, deputy and secretary as voting members and leaves other roles out', () => {
    expect(composition.map((m) => [m.id, m.position])).toEqual([
      [1, 'head'],
      [2, 'deputy_head'],
      [3, 'secretary'],
      [4, 'member'],
      [5, 'member'],
      [6, 'member'],
    ]);
  });

  it('counts only members as present, never invitees or outsiders', () => {
    expect(presentMemberIds(composition, [1, 7], [4, 99])).toEqual([1, 4]);
  });
});

describe('quorum [000] 17: at least half of the members present', () => {
  it('is reached by exactly half and not by one fewer', () => {
    expect(hasQuorum(3, 6)).toBe(true);
    expect(hasQuorum(2, 6)).toBe(false);
    expect(hasQuorum(4, 7)).toBe(true);
    expect(hasQuorum(3, 7)).toBe(false);
    expect(quorumThreshold(6)).toBe(3);
    expect(quorumThreshold(7)).toBe(4);
  });

  it('is never reached by an empty composition', () => {
    expect(hasQuorum(0, 0)).toBe(false);
  });

  it('makes a vote without quorum decide nothing', () => {
    const t = tallyVote({ members: 6, presentIds: [1, 4], ballots: ballots({ 1: 'for', 4: 'for' }), chairId: HEAD });
    expect(t.quorum).toBe(false);
    expect(t.outcome).toBe('no_quorum');
  });
});

describe('chair [000] 14: the head, else the deputy', () => {
  it('is the head when present', () => {
    expect(chairOf(composition, [2, 1, 4])?.id).toBe(HEAD);
  });
  it('is the deputy when the head is absent', () => {
    expect(chairOf(composition, [2, 4])?.id).toBe(DEPUTY);
  });
  it('is nobody when both are absent', () => {
    expect(chairOf(composition, [3, 4, 5])).toBeNull();
  });
});

describe('tally [000] 18: simple majority of the members present', () => {
  const all = [1, 2, 3, 4, 5, 6];

  it('adopts with «for» from more than half of the members present', () => {
    const t = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'for', 2: 'for', 3: 'for', 4: 'for', 5: 'against' }), chairId: HEAD });
    expect(t).toMatchObject({ for: 4, against: 1, abstain: 0, notVoted: 1, present: 6, majority: 4, outcome: 'adopted', decidedByChair: false });
  });

  it('counts abstentions and silent present members against adoption (the base is those present)', () => {
    // 3 for, 1 against, 1 abstains, 2 present but silent: 3 of 7 present is not a majority.
    const t = tallyVote({ members: 7, presentIds: [1, 2, 3, 4, 5, 6, 8], ballots: ballots({ 4: 'for', 5: 'for', 6: 'for', 2: 'against', 3: 'abstain' }), chairId: HEAD });
    expect(t.outcome).toBe('rejected');
    expect(t.majority).toBe(4);
  });

  it('rejects when fewer than half vote «for»', () => {
    const t = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'for', 2: 'against', 3: 'against', 4: 'against' }), chairId: HEAD });
    expect(t.outcome).toBe('rejected');
  });

  it('counts a member who voted as present even if they left before the close', () => {
    const t = tallyVote({ members: 6, presentIds: [1, 2, 3], ballots: ballots({ 1: 'for', 2: 'for', 3: 'for', 4: 'for' }), chairId: HEAD });
    expect(t.present).toBe(4);
    expect(t.outcome).toBe('adopted');
  });

  it('counts one ballot per member even if given twice', () => {
    const t = tallyVote({ members: 6, presentIds: all, ballots: [...ballots({ 4: 'for' }), { memberId: 4, choice: 'against' }], chairId: HEAD });
    expect(t.for).toBe(1);
    expect(t.against).toBe(0);
  });

  describe('a tie: exactly half of those present for', () => {
    it('is decided «for» by the head chairing', () => {
      const t = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'for', 4: 'for', 5: 'for', 2: 'against', 3: 'against', 6: 'against' }), chairId: HEAD });
      expect(t).toMatchObject({ for: 3, against: 3, outcome: 'adopted', decidedByChair: true });
    });

    it('is decided «against» by the head chairing', () => {
      const t = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'against', 4: 'against', 5: 'against', 2: 'for', 3: 'for', 6: 'for' }), chairId: HEAD });
      expect(t).toMatchObject({ for: 3, against: 3, outcome: 'rejected', decidedByChair: true });
    });

    it('is decided by the deputy chairing in the head’s absence, whatever others vote', () => {
      const present = [2, 3, 4, 5];
      const chair = chairOf(composition, present)!.id;
      expect(chair).toBe(DEPUTY);
      const adopted = tallyVote({ members: 6, presentIds: present, ballots: ballots({ 2: 'for', 3: 'for', 4: 'against', 5: 'against' }), chairId: chair });
      expect(adopted).toMatchObject({ outcome: 'adopted', decidedByChair: true, present: 4 });
      const rejected = tallyVote({ members: 6, presentIds: present, ballots: ballots({ 2: 'against', 3: 'against', 4: 'for', 5: 'for' }), chairId: chair });
      expect(rejected).toMatchObject({ outcome: 'rejected', decidedByChair: true });
    });

    it('gives the head no casting vote when the deputy chairs (the head is not there)', () => {
      const t = tallyVote({ members: 6, presentIds: [2, 3, 4, 5], ballots: ballots({ 2: 'against', 3: 'against', 4: 'for', 5: 'for' }), chairId: DEPUTY });
      expect(t.outcome).toBe('rejected');
    });

    it('is not adopted when the chair abstains or does not vote', () => {
      const abstains = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'abstain', 4: 'for', 5: 'for', 6: 'for', 2: 'against', 3: 'against' }), chairId: HEAD });
      expect(abstains).toMatchObject({ outcome: 'rejected', decidedByChair: false });
      const silent = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 4: 'for', 5: 'for', 6: 'for', 2: 'against' }), chairId: HEAD });
      expect(silent).toMatchObject({ outcome: 'rejected', decidedByChair: false });
    });

    it('lets the chair’s «for» carry half «for» against abstentions, never less than half', () => {
      const half = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'for', 4: 'for', 5: 'for', 2: 'abstain', 3: 'abstain', 6: 'against' }), chairId: HEAD });
      expect(half).toMatchObject({ outcome: 'adopted', decidedByChair: true });
      const lessThanHalf = tallyVote({ members: 6, presentIds: all, ballots: ballots({ 1: 'for', 4: 'for', 2: 'against', 3: 'against', 5: 'abstain', 6: 'abstain' }), chairId: HEAD });
      expect(lessThanHalf).toMatchObject({ outcome: 'rejected', decidedByChair: false });
    });
  });
});
