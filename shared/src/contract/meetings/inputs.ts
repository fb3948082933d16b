import { z } from 'zod';
import { TASK_STATUSES, VOTE_CHOICES } from '../../domain/meetings/vocabulary.js';
import { Id, MutationId, Version } from '../items.js';
import { Day, Instant, Link, Material, Text } from './dto.js';

// Meeting mutations: the same payloads over REST (meetingId from the path) and the socket.
const inMeeting = { mutationId: MutationId, meetingId: Id };

export const CreateMeetingInput = z.object({
  mutationId: MutationId,
  title: Text(300),
  startsAt: Instant.nullable().default(null),
  place: Text(500).nullable().default(null),
  remoteLink: Link.nullable().default(null),
});
export const InviteInput = z.object({ ...inMeeting, userId: Id });
export const UninviteInput = InviteInput;
export const ProposeAgendaItemInput = z.object({
  ...inMeeting,
  title: Text(500),
  description: z.string().trim().max(20_000).default(''),
  materials: z.array(Material).max(30).default([]),
});
/** The secretary's draft: the included proposals in agenda order; the rest are left out. */
export const DraftAgendaInput = z.object({ ...inMeeting, version: Version, included: z.array(Id).max(100) });
/** The head approves the agenda and sets date, time, and a place or a remote link ([000] 11.2). */
/** Needs a place or a remote link (checked by the service: a refined object cannot be `omit`ted). */
export const ApproveAgendaInput = z.object({
  ...inMeeting,
  version: Version,
  startsAt: Instant,
  place: Text(500).nullable().default(null),
  remoteLink: Link.nullable().default(null),
});
export const FileOpinionInput = z.object({ ...inMeeting, agendaItemId: Id, text: Text(20_000) });
export const StartMeetingInput = z.object(inMeeting);
export const MarkAttendanceInput = z.object({ ...inMeeting, userId: Id, inRoom: z.boolean() });
export const SetCurrentItemInput = z.object({ ...inMeeting, agendaItemId: Id.nullable() });
export const UpdateNotesInput = z.object({ ...inMeeting, agendaItemId: Id, version: Version, notes: z.string().max(50_000) });
export const OpenVoteInput = z.object({ ...inMeeting, agendaItemId: Id, question: Text(2000), secret: z.boolean().default(false) });
export const CastVoteInput = z.object({ ...inMeeting, voteId: Id, choice: z.enum(VOTE_CHOICES) });
export const CloseVoteInput = z.object({ ...inMeeting, voteId: Id });
export const EndMeetingInput = z.object(inMeeting);
export const EditProtocolInput = z.object({
  ...inMeeting,
  version: Version,
  remarks: z.string().max(50_000).optional(),
  items: z
    .array(z.object({ agendaItemId: Id, notes: z.string().max(50_000).optional(), decision: z.string().max(50_000).optional() }))
    .max(100)
    .default([]),
});
export const ApproveProtocolInput = z.object({ ...inMeeting, version: Version });
export const SignProtocolInput = ApproveProtocolInput;
export const CreateTaskInput = z.object({
  ...inMeeting,
  agendaItemId: Id.nullable().default(null),
  voteId: Id.nullable().default(null),
  text: Text(5000),
  assignee: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), userId: Id }),
    z.object({ kind: z.literal('department'), departmentId: Id }),
  ]),
  dueDate: Day,
});
export const UpdateTaskInput = z.object({
  mutationId: MutationId,
  taskId: Id,
  version: Version,
  status: z.enum(TASK_STATUSES),
  report: z.string().trim().max(20_000).optional(),
});

export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;
export type InviteInput = z.infer<typeof InviteInput>;
export type ProposeAgendaItemInput = z.infer<typeof ProposeAgendaItemInput>;
export type DraftAgendaInput = z.infer<typeof DraftAgendaInput>;
export type ApproveAgendaInput = z.infer<typeof ApproveAgendaInput>;
export type FileOpinionInput = z.infer<typeof FileOpinionInput>;
export type StartMeetingInput = z.infer<typeof StartMeetingInput>;
export type MarkAttendanceInput = z.infer<typeof MarkAttendanceInput>;
export type SetCurrentItemInput = z.infer<typeof SetCurrentItemInput>;
export type UpdateNotesInput = z.infer<typeof UpdateNotesInput>;
export type OpenVoteInput = z.infer<typeof OpenVoteInput>;
export type CastVoteInput = z.infer<typeof CastVoteInput>;
export type CloseVoteInput = z.infer<typeof CloseVoteInput>;
export type EndMeetingInput = z.infer<typeof EndMeetingInput>;
export type EditProtocolInput = z.infer<typeof EditProtocolInput>;
export type ApproveProtocolInput = z.infer<typeof ApproveProtocolInput>;
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const TaskListQuery = z.object({ status: z.enum(TASK_STATUSES).optional() });
export type TaskListQuery = z.infer<typeof TaskListQuery>;
