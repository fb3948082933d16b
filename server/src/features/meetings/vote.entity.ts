import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ProtocolContent, ProtocolStatus, TaskStatus, VoteChoice, VoteResultDto, VoteStatus } from '@okno/shared';
import { timestamps } from '../../db/base.js';

export const Vote = defineEntity({
  name: 'Vote',
  tableName: 'meeting_vote',
  properties: {
    id: p.integer().primary(),
    meetingId: p.integer().index(),
    agendaItemId: p.integer(),
    question: p.text(),
    secret: p.boolean(),
    status: p.string().$type<VoteStatus>(),
    /** Who chaired when the vote opened: their ballot decides a tie. */
    chairId: p.integer(),
    openedById: p.integer(),
    openedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    presentAtOpen: p.json<number[]>(),
    /** Frozen at the close (a database trigger refuses any later change). */
    result: p.json<VoteResultDto>().nullable(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type Vote = InferEntity<typeof Vote>;

/** One ballot per member and vote (primary key); never rewritten (database trigger). */
export const Ballot = defineEntity({
  name: 'Ballot',
  tableName: 'meeting_ballot',
  properties: {
    voteId: p.integer().primary(),
    memberId: p.integer().primary(),
    choice: p.string().$type<VoteChoice>(),
    castAt: p.datetime(),
  },
});
export type Ballot = InferEntity<typeof Ballot>;

export const Protocol = defineEntity({
  name: 'Protocol',
  tableName: 'meeting_protocol',
  properties: {
    meetingId: p.integer().primary(),
    status: p.string().$type<ProtocolStatus>(),
    content: p.json<ProtocolContent>(),
    approvedById: p.integer().nullable(),
    approvedAt: p.datetime().nullable(),
    signedById: p.integer().nullable(),
    signedAt: p.datetime().nullable(),
    hash: p.string().length(64).nullable(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type Protocol = InferEntity<typeof Protocol>;

/** A decision turned into a task with an assignee and a due date, under the secretary's control. */
export const MeetingTask = defineEntity({
  name: 'MeetingTask',
  tableName: 'meeting_task',
  properties: {
    id: p.integer().primary(),
    meetingId: p.integer().index(),
    agendaItemId: p.integer().nullable(),
    voteId: p.integer().nullable(),
    text: p.text(),
    assigneeUserId: p.integer().nullable(),
    assigneeDepartmentId: p.integer().nullable(),
    dueDate: p.string().columnType('date'),
    status: p.string().$type<TaskStatus>(),
    report: p.text(),
    createdById: p.integer(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type MeetingTask = InferEntity<typeof MeetingTask>;
