import type { MeetingEvent, MeetingState } from '../../contract/meetings/events.js';

const upsert = <T extends { id: number }>(rows: readonly T[], row: T): T[] =>
  rows.some((r) => r.id === row.id) ? rows.map((r) => (r.id === row.id ? row : r)) : [...rows, row];

/**
 * What a replica that has applied its meeting up to `lastSeq` does with an event: apply it
 * (it follows on), skip it (already applied), or notice a gap (ask `meeting:sync`).
 */
export function meetingEventStep(lastSeq: number, event: Pick<MeetingEvent, 'seq' | 'prevSeq'>): 'apply' | 'skip' | 'gap' {
  if (event.seq <= lastSeq) return 'skip';
  return event.prevSeq <= lastSeq ? 'apply' : 'gap';
}

/**
 * Applies one meeting event to a meeting's state, as the server would have it after the
 * event; the remote presence (ephemeral) is left as it is. Events of other meetings or
 * already applied ones change nothing.
 */
export function applyMeetingEvent(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.meetingId !== state.meeting.id || event.seq <= state.seq) return state;
  const s: MeetingState = { ...state, seq: event.seq };
  const d = event.data;
  switch (d.type) {
    case 'meeting.created':
    case 'agenda.current':
      return { ...s, meeting: d.meeting };
    case 'meeting.invited':
      return { ...s, invitees: upsert(s.invitees, d.person) };
    case 'meeting.uninvited':
      return { ...s, invitees: s.invitees.filter((p) => p.id !== d.person.id) };
    case 'agenda.proposed':
    case 'notes.updated':
      return { ...s, agenda: upsert(s.agenda, d.item) };
    case 'agenda.drafted':
    case 'agenda.approved':
      return { ...s, meeting: d.meeting, agenda: d.agenda };
    case 'opinion.filed':
      return { ...s, opinions: upsert(s.opinions, d.opinion) };
    case 'meeting.started':
      return { ...s, meeting: d.meeting, composition: d.composition };
    case 'attendance.marked': {
      const others = s.inRoom.filter((p) => p.id !== d.person.id);
      return { ...s, inRoom: d.inRoom ? [...others, d.person] : others };
    }
    case 'vote.opened':
    case 'vote.closed':
      return { ...s, votes: upsert(s.votes, d.vote) };
    case 'vote.cast':
      return {
        ...s,
        votes: s.votes.map((v) =>
          v.id !== d.voteId || v.voters.some((p) => p.id === d.voter.id)
            ? v
            : { ...v, voters: [...v.voters, d.voter], castCount: Math.max(v.castCount, d.castCount) },
        ),
      };
    case 'meeting.ended':
      return { ...s, meeting: d.meeting, protocol: d.protocol };
    case 'protocol.edited':
    case 'protocol.approved':
    case 'protocol.signed':
      return { ...s, protocol: d.protocol };
    case 'task.created':
    case 'task.updated':
      return { ...s, tasks: upsert(s.tasks, d.task) };
    default: {
      const never: never = d;
      return never;
    }
  }
}
