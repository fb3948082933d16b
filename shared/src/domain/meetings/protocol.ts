import type { UserRef } from '../../contract/items.js';
import type {
  AgendaItemDto,
  CompositionMemberDto,
  MeetingDto,
  OpinionDto,
  ProtocolContent,
  VoteDto,
} from '../../contract/meetings/dto.js';
import { chairOf, hasQuorum } from './composition.js';
import type { AttendanceMode, VoteOutcome } from './vocabulary.js';

/** What a protocol is generated from: the meeting's state when it ended. */
export interface ProtocolSource {
  meeting: MeetingDto;
  composition: readonly CompositionMemberDto[];
  invitees: readonly UserRef[];
  /** Everyone the secretary ever marked present in the room. */
  inRoomEver: readonly number[];
  /** Everyone seen joined remotely when the meeting started, at each vote and at its end. */
  remoteSeen: readonly number[];
  agenda: readonly AgendaItemDto[];
  votes: readonly VoteDto[];
  opinions: readonly OpinionDto[];
}

const OUTCOME_TEXT: Record<VoteOutcome, string> = {
  adopted: 'решение принято',
  rejected: 'решение не принято',
  no_quorum: 'решение не принято: нет кворума',
};

/** How each person took part: in the room beats remote; never seen is absent. */
export function attendanceMode(personId: number, inRoomEver: readonly number[], remoteSeen: readonly number[]): AttendanceMode {
  if (inRoomEver.includes(personId)) return 'in_room';
  if (remoteSeen.includes(personId)) return 'remote';
  return 'absent';
}

/**
 * The protocol's draft ([000] 19): composition and attendance, quorum, the agenda in order
 * with the secretary's notes, each vote with its named result, a draft decision, and the
 * written opinions of members who were absent ([000] 17). The secretary edits notes,
 * decisions and remarks afterwards; everything else is fact from the meeting.
 */
export function buildProtocol(src: ProtocolSource): ProtocolContent {
  const attendance = src.composition.map((member) => ({ member, mode: attendanceMode(member.id, src.inRoomEver, src.remoteSeen) }));
  const attended = attendance.filter((a) => a.mode !== 'absent').map((a) => a.member.id);
  const absent = new Set(attendance.filter((a) => a.mode === 'absent').map((a) => a.member.id));
  const chair = chairOf(src.composition, attended);
  const secretary = src.composition.find((m) => m.position === 'secretary') ?? null;
  const agenda = src.agenda
    .filter((i) => i.status === 'included')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((item, index) => {
      const votes = src.votes
        .filter((v) => v.agendaItemId === item.id && v.result)
        .map((v) => ({ question: v.question, secret: v.secret, chair: v.chair, result: v.result! }));
      return {
        agendaItemId: item.id,
        position: index + 1,
        title: item.title,
        notes: item.notes,
        decision: votes.map((v) => `${v.question}: ${OUTCOME_TEXT[v.result.tally.outcome]}.`).join('\n'),
        votes,
        opinions: src.opinions
          .filter((o) => o.agendaItemId === item.id && absent.has(o.author.id))
          .map((o) => ({ author: o.author, text: o.text })),
      };
    });
  const { id, title, startsAt, place, remoteLink, startedAt, endedAt } = src.meeting;
  return {
    meeting: { id, title, startsAt, place, remoteLink, startedAt, endedAt },
    chair: chair ? { id: chair.id, name: chair.name } : null,
    secretary: secretary ? { id: secretary.id, name: secretary.name } : null,
    composition: [...src.composition],
    attendance,
    invitees: src.invitees.map((person) => ({ person, attended: attendanceMode(person.id, src.inRoomEver, src.remoteSeen) !== 'absent' })),
    quorum: { present: attended.length, members: src.composition.length, has: hasQuorum(attended.length, src.composition.length) },
    agenda,
    remarks: '',
  };
}

/** JSON with object keys sorted at every level: the same content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * What a signature covers: the protocol's content and who (by id: names may change) approved
 * and signed it, when. Its sha256 is the protocol's hash.
 */
export function signedProtocolText(p: {
  meetingId: number;
  content: ProtocolContent;
  approvedById: number | null;
  approvedAt: string | null;
  signedById: number | null;
  signedAt: string | null;
}): string {
  return canonicalJson({
    meetingId: p.meetingId,
    content: p.content,
    approvedById: p.approvedById,
    approvedAt: p.approvedAt,
    signedById: p.signedById,
    signedAt: p.signedAt,
  });
}
