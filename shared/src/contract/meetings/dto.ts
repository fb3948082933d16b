import { z } from 'zod';
import {
  AGENDA_ITEM_KINDS,
  AGENDA_ITEM_STATUSES,
  ATTENDANCE_MODES,
  COMPOSITION_POSITIONS,
  MEETING_STATUSES,
  PROTOCOL_STATUSES,
  TASK_STATUSES,
  VOTE_CHOICES,
  VOTE_OUTCOMES,
  VOTE_STATUSES,
} from '../../domain/meetings/vocabulary.js';
import { Id, UserRef, Version } from '../items.js';

// ---- state ----

export const Text = (max: number) => z.string().trim().min(1).max(max);
export const Instant = z.string().datetime({ offset: true });
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CompositionMemberDto = z.object({ id: Id, name: z.string(), position: z.enum(COMPOSITION_POSITIONS) });
export type CompositionMemberDto = z.infer<typeof CompositionMemberDto>;

export const MeetingDto = z.object({
  id: Id,
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  remoteLink: z.string().nullable(),
  createdBy: UserRef,
  approvedBy: UserRef.nullable(),
  currentAgendaItemId: Id.nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  version: Version,
});
export type MeetingDto = z.infer<typeof MeetingDto>;

/** A web link a browser may open: http(s) only, never `javascript:` and the like. */
export const Link = z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'Ссылка должна начинаться с http:// или https://');

export const Material = z.object({ title: Text(300), url: Link.nullable().default(null) });
export type Material = z.infer<typeof Material>;

export const AgendaItemDto = z.object({
  id: Id,
  meetingId: Id,
  kind: z.enum(AGENDA_ITEM_KINDS),
  status: z.enum(AGENDA_ITEM_STATUSES),
  position: z.number().int().nullable(),
  title: z.string(),
  description: z.string(),
  materials: z.array(Material),
  proposedBy: UserRef,
  notes: z.string(),
  /** For the control item: the earlier decisions still open when the agenda was approved. */
  taskIds: z.array(Id),
  version: Version,
});
export type AgendaItemDto = z.infer<typeof AgendaItemDto>;

export const OpinionDto = z.object({ id: Id, agendaItemId: Id, author: UserRef, text: z.string(), filedAt: z.string() });
export type OpinionDto = z.infer<typeof OpinionDto>;

export const TallyDto = z.object({
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  notVoted: z.number().int(),
  present: z.number().int(),
  members: z.number().int(),
  quorum: z.boolean(),
  majority: z.number().int(),
  outcome: z.enum(VOTE_OUTCOMES),
  decidedByChair: z.boolean(),
});

export const VoteResultDto = z.object({
  tally: TallyDto,
  /** Named ballots of an open vote; null for a secret one. */
  ballots: z.array(z.object({ voter: UserRef, choice: z.enum(VOTE_CHOICES) })).nullable(),
  present: z.array(UserRef),
});
export type VoteResultDto = z.infer<typeof VoteResultDto>;

export const VoteDto = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id,
  question: z.string(),
  secret: z.boolean(),
  status: z.enum(VOTE_STATUSES),
  chair: UserRef,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Who has voted so far, in casting order; never how, until the close. */
  voters: z.array(UserRef),
  castCount: z.number().int(),
  result: VoteResultDto.nullable(),
});
export type VoteDto = z.infer<typeof VoteDto>;

export const TaskAssignee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), user: UserRef }),
  z.object({ kind: z.literal('department'), department: z.object({ id: Id, name: z.string() }) }),
]);
export type TaskAssignee = z.infer<typeof TaskAssignee>;

export const TaskDto = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  voteId: Id.nullable(),
  text: z.string(),
  assignee: TaskAssignee,
  dueDate: Day,
  status: z.enum(TASK_STATUSES),
  createdBy: UserRef,
  report: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type TaskDto = z.infer<typeof TaskDto>;

const ProtocolVote = z.object({ question: z.string(), secret: z.boolean(), chair: UserRef, result: VoteResultDto });
/** The protocol's text as generated from the meeting; `notes`, `decision` and `remarks` are the secretary's. */
export const ProtocolContent = z.object({
  meeting: z.object({ id: Id, title: z.string(), startsAt: z.string().nullable(), place: z.string().nullable(), remoteLink: z.string().nullable(), startedAt: z.string().nullable(), endedAt: z.string().nullable() }),
  chair: UserRef.nullable(),
  secretary: UserRef.nullable(),
  composition: z.array(CompositionMemberDto),
  attendance: z.array(z.object({ member: CompositionMemberDto, mode: z.enum(ATTENDANCE_MODES) })),
  invitees: z.array(z.object({ person: UserRef, attended: z.boolean() })),
  quorum: z.object({ present: z.number().int(), members: z.number().int(), has: z.boolean() }),
  agenda: z.array(
    z.object({
      agendaItemId: Id,
      position: z.number().int(),
      title: z.string(),
      notes: z.string(),
      decision: z.string(),
      votes: z.array(ProtocolVote),
      /** Written opinions of members absent from the meeting ([000] 17). */
      opinions: z.array(z.object({ author: UserRef, text: z.string() })),
    }),
  ),
  remarks: z.string(),
});
export type ProtocolContent = z.infer<typeof ProtocolContent>;

export const ProtocolDto = z.object({
  meetingId: Id,
  status: z.enum(PROTOCOL_STATUSES),
  content: ProtocolContent,
  approvedBy: UserRef.nullable(),
  approvedAt: z.string().nullable(),
  signedBy: UserRef.nullable(),
  signedAt: z.string().nullable(),
  /** sha256 of the canonical signed content; null until signed. */
  hash: z.string().nullable(),
  /** Whether the stored protocol still matches its signature; null until signed. */
  intact: z.boolean().nullable(),
  version: Version,
});
export type ProtocolDto = z.infer<typeof ProtocolDto>;
