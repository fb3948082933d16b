import type { AgendaItemDto, MeetingDto, OpinionDto, ProtocolDto, TaskDto, UserRef, VoteDto } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { User } from '../auth/user.entity.js';
import { Department } from '../directory/directory.entity.js';
import type { AgendaItem, Meeting, Opinion } from './meeting.entity.js';
import type { MeetingTask, Protocol, Vote } from './vote.entity.js';

export type Names = Map<number, UserRef>;

/** Names of the given people, for references in DTOs. */
export async function namesOf(em: Em, ids: Iterable<number | null | undefined>): Promise<Names> {
  const unique = [...new Set([...ids].filter((id): id is number => id != null))];
  if (unique.length === 0) return new Map();
  const users = await em.find(User, { id: { $in: unique } }, { fields: ['id', 'name'] });
  return new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
}

const ref = (names: Names, id: number): UserRef => names.get(id) ?? { id, name: '' };
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toMeetingDto(m: Meeting, names: Names): MeetingDto {
  return {
    id: m.id,
    title: m.title,
    status: m.status,
    startsAt: iso(m.startsAt),
    place: m.place ?? null,
    remoteLink: m.remoteLink ?? null,
    createdBy: ref(names, m.createdById),
    approvedBy: m.approvedById != null ? ref(names, m.approvedById) : null,
    currentAgendaItemId: m.currentAgendaItemId ?? null,
    startedAt: iso(m.startedAt),
    endedAt: iso(m.endedAt),
    version: m.version,
  };
}

export function toAgendaItemDto(i: AgendaItem, names: Names): AgendaItemDto {
  return {
    id: i.id,
    meetingId: i.meetingId,
    kind: i.kind,
    status: i.status,
    position: i.position ?? null,
    title: i.title,
    description: i.description,
    materials: i.materials,
    proposedBy: ref(names, i.proposedById),
    notes: i.notes,
    taskIds: i.taskIds,
    version: i.version,
  };
}

export function toOpinionDto(o: Opinion, names: Names): OpinionDto {
  return { id: o.id, agendaItemId: o.agendaItemId, author: ref(names, o.authorId), text: o.text, filedAt: o.updatedAt.toISOString() };
}

/** A vote with who has voted so far (`voterIds` in casting order). */
export function toVoteDto(v: Vote, voterIds: readonly number[], names: Names): VoteDto {
  return {
    id: v.id,
    meetingId: v.meetingId,
    agendaItemId: v.agendaItemId,
    question: v.question,
    secret: v.secret,
    status: v.status,
    chair: ref(names, v.chairId),
    openedAt: v.openedAt.toISOString(),
    closedAt: iso(v.closedAt),
    voters: voterIds.map((id) => ref(names, id)),
    castCount: voterIds.length,
    result: v.result ?? null,
  };
}

/** Department names for task assignees. */
export async function departmentNames(em: Em, ids: Iterable<number | null | undefined>): Promise<Map<number, string>> {
  const unique = [...new Set([...ids].filter((id): id is number => id != null))];
  if (unique.length === 0) return new Map();
  const rows = await em.find(Department, { id: { $in: unique } }, { fields: ['id', 'name'] });
  return new Map(rows.map((d) => [d.id, d.name]));
}

export function toTaskDto(t: MeetingTask, names: Names, departments: Map<number, string>): TaskDto {
  const assignee: TaskDto['assignee'] =
    t.assigneeDepartmentId != null
      ? { kind: 'department', department: { id: t.assigneeDepartmentId, name: departments.get(t.assigneeDepartmentId) ?? '' } }
      : { kind: 'user', user: ref(names, t.assigneeUserId ?? 0) };
  return {
    id: t.id,
    meetingId: t.meetingId,
    agendaItemId: t.agendaItemId ?? null,
    voteId: t.voteId ?? null,
    text: t.text,
    assignee,
    dueDate: t.dueDate,
    status: t.status,
    createdBy: ref(names, t.createdById),
    report: t.report,
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

/** The protocol with its signature check (`intact`), computed by the caller. */
export function toProtocolDto(p: Protocol, names: Names, intact: boolean | null): ProtocolDto {
  return {
    meetingId: p.meetingId,
    status: p.status,
    content: p.content,
    approvedBy: p.approvedById != null ? ref(names, p.approvedById) : null,
    approvedAt: iso(p.approvedAt),
    signedBy: p.signedById != null ? ref(names, p.signedById) : null,
    signedAt: iso(p.signedAt),
    hash: p.hash ?? null,
    intact,
    version: p.version,
  };
}
