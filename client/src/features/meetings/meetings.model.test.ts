import type { MeetingEvent, MeetingState, TaskDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { attendanceMode, drainEvents, inviteCandidates, isOverdue, localDay, parseAssignee, parseMaterials, sortTasks } from './meetings.model';

const task = (id: number, status: TaskDto['status'], dueDate: string): TaskDto => ({
  id,
  meetingId: 1,
  agendaItemId: null,
  voteId: null,
  text: `t${id}`,
  assignee: { kind: 'user', user: { id: 9, name: 'И' } },
  dueDate,
  status,
  createdBy: { id: 2, name: 'С' },
  report: '',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
});

describe('inviteCandidates', () => {
  it('leaves out members and people already invited, sorted by name', () => {
    const users = [
      { id: 1, name: 'Яков' },
      { id: 2, name: 'Борис' },
      { id: 3, name: 'Анна' },
      { id: 4, name: 'Вера' },
    ];
    const got = inviteCandidates(users, [{ id: 1, name: 'Яков' }], [{ id: 4, name: 'Вера' }]);
    expect(got.map((u) => u.id)).toEqual([3, 2]);
  });
});

describe('attendanceMode', () => {
  it('prefers in the room over remote', () => {
    expect(attendanceMode(1, new Set([1]), new Set([1]))).toBe('in_room');
    expect(attendanceMode(1, new Set(), new Set([1]))).toBe('remote');
    expect(attendanceMode(1, new Set(), new Set())).toBe('absent');
  });
});

describe('parseMaterials', () => {
  it('reads titled links, bare links and bare titles, one a line', () => {
    expect(parseMaterials('Справка | https://ex.org/a\n\n  https://ex.org/b  \nПлан на квартал')).toEqual([
      { title: 'Справка', url: 'https://ex.org/a' },
      { title: 'https://ex.org/b', url: 'https://ex.org/b' },
      { title: 'План на квартал', url: null },
    ]);
  });
  it('never turns a non-http link into a link', () => {
    expect(parseMaterials('X | javascript:alert(1)')).toEqual([{ title: 'X | javascript:alert(1)', url: null }]);
    expect(parseMaterials('ftp://ex.org')).toEqual([{ title: 'ftp://ex.org', url: null }]);
  });
  it('uses the link as the title when the title is empty', () => {
    expect(parseMaterials(' | http://ex.org')).toEqual([{ title: 'http://ex.org', url: 'http://ex.org' }]);
  });
});

describe('parseAssignee', () => {
  it('decodes a person or a department and refuses anything else', () => {
    expect(parseAssignee('u:3')).toEqual({ kind: 'user', userId: 3 });
    expect(parseAssignee('d:12')).toEqual({ kind: 'department', departmentId: 12 });
    expect(parseAssignee('')).toBeNull();
    expect(parseAssignee('u:0')).toBeNull();
    expect(parseAssignee('x:3')).toBeNull();
  });
});

describe('tasks', () => {
  it('sorts open first, then by due day', () => {
    const got = sortTasks([task(1, 'done', '2026-01-01'), task(2, 'open', '2026-03-01'), task(3, 'open', '2026-02-01')]);
    expect(got.map((t) => t.id)).toEqual([3, 2, 1]);
  });
  it('marks only open tasks past their day as overdue', () => {
    expect(isOverdue(task(1, 'open', '2026-01-01'), '2026-01-02')).toBe(true);
    expect(isOverdue(task(1, 'open', '2026-01-02'), '2026-01-02')).toBe(false);
    expect(isOverdue(task(1, 'done', '2026-01-01'), '2026-01-02')).toBe(false);
  });
  it('formats a local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('drainEvents', () => {
  const meeting = {
    id: 1,
    title: 'З',
    status: 'live',
    startsAt: null,
    place: null,
    remoteLink: null,
    createdBy: { id: 2, name: 'С' },
    approvedBy: null,
    currentAgendaItemId: null,
    startedAt: null,
    endedAt: null,
    version: 1,
  } as const;
  const state: MeetingState = {
    seq: 10,
    now: '2026-01-01T00:00:00Z',
    meeting,
    composition: [],
    invitees: [],
    agenda: [],
    opinions: [],
    votes: [],
    inRoom: [],
    remote: [],
    tasks: [],
    openTasks: [],
    protocol: null,
  };
  const invited = (seq: number, prevSeq: number, id: number): MeetingEvent => ({
    seq,
    prevSeq,
    at: '2026-01-01T00:00:00Z',
    actor: null,
    meetingId: 1,
    data: { type: 'meeting.invited', person: { id, name: `p${id}` } },
  });

  it('applies events in seq order, skips old ones and keeps those after a gap', () => {
    const { state: s, rest } = drainEvents(state, [invited(12, 11, 2), invited(9, 8, 0), invited(11, 10, 1), invited(20, 15, 3)]);
    expect(s.seq).toBe(12);
    expect(s.invitees.map((p) => p.id)).toEqual([1, 2]);
    expect(rest.map((e) => e.seq)).toEqual([20]);
  });
  it('returns the same state when nothing follows on', () => {
    const { state: s, rest } = drainEvents(state, [invited(15, 14, 1)]);
    expect(s).toBe(state);
    expect(rest).toHaveLength(1);
  });
});
