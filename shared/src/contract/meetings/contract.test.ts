import { describe, expect, it } from 'vitest';
import { MEETING_C2S_SCHEMAS } from '../meetings.js';
import { MeetingEventData } from './events.js';
import { ApproveAgendaInput, CastVoteInput, CreateTaskInput, ProposeAgendaItemInput } from './inputs.js';

const mid = 'a1b2c3d4e5';

describe('meeting contract schemas', () => {
  it('has a schema for every meeting client event', () => {
    expect(Object.keys(MEETING_C2S_SCHEMAS).sort()).toEqual(
      ['meeting:attendance', 'meeting:cast', 'meeting:close_vote', 'meeting:current', 'meeting:join', 'meeting:leave', 'meeting:notes', 'meeting:open_vote', 'meeting:opinion', 'meeting:sync'].sort(),
    );
  });

  it('takes only for, against or abstain as a ballot', () => {
    expect(CastVoteInput.safeParse({ mutationId: mid, meetingId: 1, voteId: 2, choice: 'for' }).success).toBe(true);
    expect(CastVoteInput.safeParse({ mutationId: mid, meetingId: 1, voteId: 2, choice: 'maybe' }).success).toBe(false);
  });

  it('needs a date with an offset to approve an agenda, and an http(s) remote link', () => {
    const base = { mutationId: mid, meetingId: 1, version: 1, place: 'Зал' };
    expect(ApproveAgendaInput.safeParse({ ...base, startsAt: '2026-12-01T10:00:00+03:00' }).success).toBe(true);
    expect(ApproveAgendaInput.safeParse({ ...base, startsAt: '1 декабря' }).success).toBe(false);
    expect(ApproveAgendaInput.safeParse({ ...base, startsAt: '2026-12-01T10:00:00Z', remoteLink: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('limits materials and requires a title for an agenda proposal', () => {
    expect(ProposeAgendaItemInput.safeParse({ mutationId: mid, meetingId: 1, title: '  ' }).success).toBe(false);
    const materials = Array.from({ length: 31 }, () => ({ title: 'Справка' }));
    expect(ProposeAgendaItemInput.safeParse({ mutationId: mid, meetingId: 1, title: 'Вопрос', materials }).success).toBe(false);
  });

  it('gives a task exactly one kind of assignee and a calendar day', () => {
    const task = { mutationId: mid, meetingId: 1, text: 'Сделать', dueDate: '2026-12-15' };
    expect(CreateTaskInput.safeParse({ ...task, assignee: { kind: 'department', departmentId: 3 } }).success).toBe(true);
    expect(CreateTaskInput.safeParse({ ...task, assignee: { kind: 'department', userId: 3 } }).success).toBe(false);
    expect(CreateTaskInput.safeParse({ ...task, assignee: { kind: 'user', userId: 3 }, dueDate: '15.12.2026' }).success).toBe(false);
  });

  it('parses a ballot event and refuses an unknown event type', () => {
    expect(MeetingEventData.safeParse({ type: 'vote.cast', voteId: 1, voter: { id: 2, name: 'А' }, castCount: 3 }).success).toBe(true);
    expect(MeetingEventData.safeParse({ type: 'vote.changed', voteId: 1 }).success).toBe(false);
  });
});
