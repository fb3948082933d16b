import { z } from 'zod';
import { Id, UserRef } from '../items.js';
import { AgendaItemDto, CompositionMemberDto, MeetingDto, OpinionDto, ProtocolDto, TaskDto, VoteDto } from './dto.js';

const t = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });

/** Meeting event types in the shared append-only log, with what each one's `data` holds. */
export const MeetingEventData = z.discriminatedUnion('type', [
  t('meeting.created', { meeting: MeetingDto }),
  t('meeting.invited', { person: UserRef }),
  t('meeting.uninvited', { person: UserRef }),
  t('agenda.proposed', { item: AgendaItemDto }),
  t('agenda.drafted', { meeting: MeetingDto, agenda: z.array(AgendaItemDto) }),
  t('agenda.approved', { meeting: MeetingDto, agenda: z.array(AgendaItemDto) }),
  t('opinion.filed', { opinion: OpinionDto }),
  t('meeting.started', { meeting: MeetingDto, composition: z.array(CompositionMemberDto) }),
  t('attendance.marked', { person: UserRef, inRoom: z.boolean() }),
  t('agenda.current', { meeting: MeetingDto }),
  t('notes.updated', { item: AgendaItemDto }),
  t('vote.opened', { vote: VoteDto }),
  /** An accepted ballot: who voted and the live count; how they voted only at the close. */
  t('vote.cast', { voteId: Id, voter: UserRef, castCount: z.number().int() }),
  t('vote.closed', { vote: VoteDto }),
  t('meeting.ended', { meeting: MeetingDto, protocol: ProtocolDto }),
  t('protocol.edited', { protocol: ProtocolDto }),
  t('protocol.approved', { protocol: ProtocolDto }),
  t('protocol.signed', { protocol: ProtocolDto }),
  t('task.created', { task: TaskDto }),
  t('task.updated', { task: TaskDto }),
]);
export type MeetingEventData = z.infer<typeof MeetingEventData>;
export type MeetingEventType = MeetingEventData['type'];

/**
 * One meeting event as clients receive it. `seq` is the global log order; `prevSeq` is the seq
 * of this meeting's previous event (0 for its first), so a replica that has applied up to
 * `prevSeq` applies this one, and one that has not knows exactly that it missed something.
 */
export const MeetingEvent = z.object({
  seq: z.number().int(),
  prevSeq: z.number().int(),
  at: z.string(),
  actor: UserRef.nullable(),
  meetingId: Id,
  data: MeetingEventData,
});
export type MeetingEvent = z.infer<typeof MeetingEvent>;

/** Everything a meeting screen shows, and the seq of the meeting's last event it reflects. */
export const MeetingState = z.object({
  seq: z.number().int(),
  now: z.string(),
  meeting: MeetingDto,
  /** The composition frozen when the meeting started; before that, the current one. */
  composition: z.array(CompositionMemberDto),
  invitees: z.array(UserRef),
  agenda: z.array(AgendaItemDto),
  opinions: z.array(OpinionDto),
  votes: z.array(VoteDto),
  /** Marked present in the room by the secretary (persistent). */
  inRoom: z.array(UserRef),
  /** Joined remotely right now (ephemeral: sockets in the meeting's room). */
  remote: z.array(UserRef),
  tasks: z.array(TaskDto),
  /** Decisions of earlier meetings still open: the agenda's control section. */
  openTasks: z.array(TaskDto),
  protocol: ProtocolDto.nullable(),
});
export type MeetingState = z.infer<typeof MeetingState>;

export const MeetingSyncInput = z.object({ meetingId: Id, sinceSeq: z.number().int().nonnegative() });
/** The meeting's events after `sinceSeq`, or `reload` when the gap is too large to replay. */
export const MeetingSyncResult = z.object({ events: z.array(MeetingEvent), seq: z.number().int(), reload: z.boolean() });
export type MeetingSyncResult = z.infer<typeof MeetingSyncResult>;

export const MeetingRoomInput = z.object({ meetingId: Id });
/** Who is in the meeting remotely now; sent whenever someone joins or leaves. */
export const MeetingPresence = z.object({ meetingId: Id, remote: z.array(UserRef) });
export type MeetingPresence = z.infer<typeof MeetingPresence>;

/** A personal notice: invited, the agenda approved with a date, the meeting started or ended. */
export const MeetingNotice = z.object({
  kind: z.enum(['invited', 'scheduled', 'started', 'ended']),
  meeting: MeetingDto,
});
export type MeetingNotice = z.infer<typeof MeetingNotice>;

/** A line of a person's meeting calendar. */
export const MeetingListEntry = z.object({ meeting: MeetingDto, role: z.enum(['member', 'invitee', 'observer']) });
export const MeetingList = z.object({ meetings: z.array(MeetingListEntry) });
export type MeetingList = z.infer<typeof MeetingList>;
