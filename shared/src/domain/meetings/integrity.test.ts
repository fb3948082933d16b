import { describe, expect, it } from 'vitest';
import { compositionFrom } from './composition.js';
import { ballotRefusal, openVoteRefusal, type BallotContext } from './integrity.js';

const composition = compositionFrom([
  { id: 1, name: 'Орлов', roles: ['head', 'member'] },
  { id: 2, name: 'Лебедева', roles: ['deputy_head', 'member'] },
  { id: 3, name: 'Титова', roles: ['secretary', 'member'] },
  { id: 4, name: 'Воробьёв', roles: ['member'] },
]);
const ok: BallotContext = { voterId: 4, composition, inviteeIds: [9], voteOpen: true, alreadyVoted: false, voterPresent: true, presentMembers: 3 };

describe('ballot integrity rules', () => {
  it('accepts one ballot from a present member while the vote is open with a quorum', () => {
    expect(ballotRefusal(ok)).toBeNull();
  });
  it('refuses a person outside the composition and an invited person ([000] 8.4)', () => {
    expect(ballotRefusal({ ...ok, voterId: 7 })?.code).toBe('not_voting_member');
    const invitee = ballotRefusal({ ...ok, voterId: 9 });
    expect(invitee?.code).toBe('not_voting_member');
    expect(invitee?.message).toMatch(/без права голоса/);
  });
  it('refuses a ballot after the close, a second ballot, an absent member, a lost quorum', () => {
    expect(ballotRefusal({ ...ok, voteOpen: false })?.code).toBe('vote_closed');
    expect(ballotRefusal({ ...ok, alreadyVoted: true })?.code).toBe('already_voted');
    expect(ballotRefusal({ ...ok, voterPresent: false })?.code).toBe('not_present');
    const noQuorum = ballotRefusal({ ...ok, presentMembers: 1 });
    expect(noQuorum?.code).toBe('no_quorum');
    expect(noQuorum?.message).toBe('Нет кворума: присутствуют 1 из 4 членов, нужно не менее 2');
  });
  it('checks membership before anything else, so an outsider never learns more', () => {
    expect(ballotRefusal({ ...ok, voterId: 7, voteOpen: false, voterPresent: false })?.code).toBe('not_voting_member');
  });
});

describe('opening a vote', () => {
  const base = { actorId: 1, meetingStatus: 'live' as const, chairId: 1, anotherVoteOpen: false, presentMembers: 2, members: 4 };
  it('is the chair’s, in a live meeting with a quorum, one vote at a time', () => {
    expect(openVoteRefusal(base)).toBeNull();
    expect(openVoteRefusal({ ...base, actorId: 4 })?.code).toBe('forbidden');
    expect(openVoteRefusal({ ...base, chairId: null })?.code).toBe('forbidden');
    expect(openVoteRefusal({ ...base, meetingStatus: 'scheduled' })?.code).toBe('invalid_transition');
    expect(openVoteRefusal({ ...base, anotherVoteOpen: true })?.code).toBe('invalid_transition');
    expect(openVoteRefusal({ ...base, presentMembers: 1 })?.code).toBe('no_quorum');
  });
});
