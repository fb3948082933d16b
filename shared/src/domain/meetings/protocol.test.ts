import { describe, expect, it } from 'vitest';
import type { MeetingDto, VoteDto } from '../../contract/meetings/dto.js';
import { compositionFrom } from './composition.js';
import { attendanceMode, buildProtocol, canonicalJson } from './protocol.js';
import { tallyVote } from './tally.js';

const composition = compositionFrom([
  { id: 1, name: 'Орлов', roles: ['head'] },
  { id: 2, name: 'Лебедева', roles: ['deputy_head'] },
  { id: 3, name: 'Титова', roles: ['secretary'] },
  { id: 4, name: 'Воробьёв', roles: ['member'] },
]);
const meeting: MeetingDto = {
  id: 7, title: 'Заседание', status: 'ended', startsAt: null, place: 'Зал', remoteLink: null, createdBy: { id: 3, name: 'Титова' },
  approvedBy: null, currentAgendaItemId: null, startedAt: null, endedAt: null, version: 3,
};
const item = (id: number, position: number | null, status: 'included' | 'excluded') => ({
  id, meetingId: 7, kind: 'regular' as const, status, position, title: `Вопрос ${id}`, description: '', materials: [], proposedBy: { id: 4, name: 'Воробьёв' }, notes: `записи ${id}`, taskIds: [], version: 1,
});
const tally = tallyVote({ members: 4, presentIds: [2, 3, 4], ballots: [{ memberId: 2, choice: 'for' }, { memberId: 3, choice: 'for' }], chairId: 2 });
const vote: VoteDto = {
  id: 1, meetingId: 7, agendaItemId: 11, question: 'Одобрить', secret: false, status: 'closed', chair: { id: 2, name: 'Лебедева' }, openedAt: '', closedAt: '',
  voters: [], castCount: 2, result: { tally, ballots: [], present: [] },
};

describe('protocol draft', () => {
  const content = buildProtocol({
    meeting,
    composition,
    invitees: [{ id: 9, name: 'Гость' }],
    inRoomEver: [2, 3],
    remoteSeen: [4, 3],
    agenda: [item(12, 2, 'included'), item(11, 1, 'included'), item(13, null, 'excluded')],
    votes: [vote],
    opinions: [
      { id: 1, agendaItemId: 11, author: { id: 1, name: 'Орлов' }, text: 'Письменно', filedAt: '' },
      { id: 2, agendaItemId: 11, author: { id: 4, name: 'Воробьёв' }, text: 'Скажу сам', filedAt: '' },
    ],
  });

  it('records attendance: in the room beats remote; never seen is absent', () => {
    expect(content.attendance.map((a) => [a.member.id, a.mode])).toEqual([[1, 'absent'], [2, 'in_room'], [3, 'in_room'], [4, 'remote']]);
    expect(attendanceMode(9, [], [])).toBe('absent');
    expect(content.invitees).toEqual([{ person: { id: 9, name: 'Гость' }, attended: false }]);
  });
  it('names the deputy as chair in the head’s absence, and the quorum', () => {
    expect(content.chair?.id).toBe(2);
    expect(content.quorum).toEqual({ present: 3, members: 4, has: true });
  });
  it('lists the included agenda in order with notes, votes, a draft decision and only absent members’ opinions', () => {
    expect(content.agenda.map((a) => [a.position, a.agendaItemId])).toEqual([[1, 11], [2, 12]]);
    expect(content.agenda[0]).toMatchObject({ notes: 'записи 11', decision: 'Одобрить: решение принято.' });
    expect(content.agenda[0]!.opinions).toEqual([{ author: { id: 1, name: 'Орлов' }, text: 'Письменно' }]);
  });
});

describe('canonical JSON for the signature hash', () => {
  it('gives the same text whatever the key order, and skips undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'д', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"д"}],"b":1}');
    expect(canonicalJson({ a: [{ c: null, d: 'д' }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ d: 'д', c: null }] }));
  });
});
