import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AgendaItemKind, AgendaItemStatus, CompositionMemberDto, Material, MeetingStatus } from '@okno/shared';
import { timestamps } from '../../db/base.js';

export const Meeting = defineEntity({
  name: 'Meeting',
  indexes: [{ properties: ['startsAt'] }],
  properties: {
    id: p.integer().primary(),
    title: p.string().length(300),
    status: p.string().$type<MeetingStatus>(),
    startsAt: p.datetime().nullable(),
    place: p.string().length(500).nullable(),
    remoteLink: p.string().length(2000).nullable(),
    createdById: p.integer(),
    approvedById: p.integer().nullable(),
    currentAgendaItemId: p.integer().nullable(),
    /** Frozen when the meeting starts: the base of its quorum and votes. */
    composition: p.json<CompositionMemberDto[]>().nullable(),
    /** Everyone seen joined remotely at the start, at each vote and at the end (for the protocol). */
    remoteSeen: p.json<number[]>(),
    startedAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type Meeting = InferEntity<typeof Meeting>;

/** An invited person: speaks, does not vote ([000] 8.4, 12.4). */
export const MeetingInvitee = defineEntity({
  name: 'MeetingInvitee',
  tableName: 'meeting_invitee',
  properties: {
    meetingId: p.integer().primary(),
    userId: p.integer().primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MeetingInvitee = InferEntity<typeof MeetingInvitee>;

export const AgendaItem = defineEntity({
  name: 'AgendaItem',
  tableName: 'meeting_agenda_item',
  properties: {
    id: p.integer().primary(),
    meetingId: p.integer().index(),
    kind: p.string().$type<AgendaItemKind>(),
    status: p.string().$type<AgendaItemStatus>(),
    position: p.integer().nullable(),
    title: p.string().length(500),
    description: p.text(),
    materials: p.json<Material[]>(),
    taskIds: p.json<number[]>(),
    proposedById: p.integer(),
    notes: p.text(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type AgendaItem = InferEntity<typeof AgendaItem>;

/** A member's written proposals and remarks on an agenda item ([000] 17); one per member and item. */
export const Opinion = defineEntity({
  name: 'Opinion',
  tableName: 'meeting_opinion',
  properties: {
    id: p.integer().primary(),
    meetingId: p.integer().index(),
    agendaItemId: p.integer(),
    authorId: p.integer(),
    text: p.text(),
    ...timestamps,
  },
});
export type Opinion = InferEntity<typeof Opinion>;

/** The secretary's marks of who is in the room. */
export const Attendance = defineEntity({
  name: 'Attendance',
  tableName: 'meeting_attendance',
  properties: {
    meetingId: p.integer().primary(),
    userId: p.integer().primary(),
    inRoom: p.boolean(),
    everInRoom: p.boolean(),
    markedById: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type Attendance = InferEntity<typeof Attendance>;
