import { describe, expect, it } from 'vitest';
import type { MeetingEvent, MeetingState } from '../../contract/meetings/events.js';
import type { VoteDto } from '../../contract/meetings/dto.js';
import { applyMeetingEvent, meetingEventStep } from './replica.js';

const person = (id: number) => ({ id, name: `Член ${id}` });
const vote: VoteDto = {
  id: 5, meetingId: 1, agendaItemId: 2, question: 'Одобрить', secret: false, status: 'open', chair: person(1),
  openedAt: '2026-11-23T10:00:00.000Z', closedAt: null, voters: [], castCount: 0, result: null,
};
const state: MeetingState = {
  seq: 10, now: '', composition: [], invitees: [], agenda: [], opinions: [], votes: [vote], inRoom: [], remote: [], tasks: [], openTasks: [], protocol: null,
  meeting: { id: 1, title: 'З', status: 'live', startsAt: null, place: null, remoteLink: null, createdBy: person(3), approvedBy: null, currentAgendaItemId: null, startedAt: null, endedAt: null, version: 1 },
};
const cast = (seq: number, prevSeq: number, voter: number, castCount: number): MeetingEvent => ({
  seq, prevSeq, at: '', actor: person(voter), meetingId: 1, data: { type: 'vote.cast', voteId: 5, voter: person(voter), castCount },
});

describe('meeting replica', () => {
  it('applies an event that follows on, skips one already applied, and sees a gap', () => {
    expect(meetingEventStep(10, cast(11, 10, 4, 1))).toBe('apply');
    expect(meetingEventStep(10, cast(10, 7, 4, 1))).toBe('skip');
    expect(meetingEventStep(10, cast(14, 12, 4, 1))).toBe('gap');
  });
  it('adds voters and the live count from ballots, once each, never how they voted', () => {
    let s = applyMeetingEvent(state, cast(11, 10, 4, 1));
    s = applyMeetingEvent(s, cast(15, 11, 6, 2));
    s = applyMeetingEvent(s, cast(15, 11, 6, 2)); // a duplicate delivery changes nothing
    expect(s.seq).toBe(15);
    expect(s.votes[0]).toMatchObject({ castCount: 2, voters: [person(4), person(6)] });
  });
  it('tracks who the secretary marks in the room', () => {
    const mark = (seq: number, inRoom: boolean): MeetingEvent => ({ seq, prevSeq: seq - 1, at: '', actor: person(3), meetingId: 1, data: { type: 'attendance.marked', person: person(4), inRoom } });
    const s = applyMeetingEvent(applyMeetingEvent(state, mark(11, true)), mark(12, false));
    expect(s.inRoom).toEqual([]);
    expect(applyMeetingEvent(state, mark(11, true)).inRoom).toEqual([person(4)]);
  });
  it('ignores events of another meeting', () => {
    expect(applyMeetingEvent(state, { ...cast(11, 10, 4, 1), meetingId: 2 })).toBe(state);
  });
});
