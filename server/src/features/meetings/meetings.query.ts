import { IsolationLevel } from '@mikro-orm/core';
import type { MeetingList, MeetingState, MeetingSyncResult, ProtocolDto, TaskDto, VoteDto } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { agendaDtos, meetingDto } from './agenda.service.js';
import { meetingEventsSince, meetingSeq, votersInLogOrder } from './meeting-events.js';
import { Meeting, MeetingInvitee, Opinion } from './meeting.entity.js';
import { compositionOf, COMPOSITION_ROLES, inRoomIdsOf, inviteeIdsOf, loadMeeting } from './meetings.access.js';
import { departmentNames, namesOf, toMeetingDto, toOpinionDto, toProtocolDto, toTaskDto, toVoteDto } from './meetings.dto.js';
import type { MeetingRealtime } from './meetings.realtime.js';
import { protocolIntact } from './protocol.hash.js';
import { MeetingTask, Protocol, Vote } from './vote.entity.js';

/** The meeting's votes, each with who has voted so far in casting order. */
export async function votesOf(em: Em, meetingId: number, only?: number): Promise<VoteDto[]> {
  const votes = await em.find(Vote, only ? { id: only, meetingId } : { meetingId }, { orderBy: { id: 'asc' } });
  if (votes.length === 0) return [];
  const voters = await votersInLogOrder(em, meetingId);
  const names = await namesOf(em, [...votes.map((v) => v.chairId), ...[...voters.values()].flat()]);
  return votes.map((v) => toVoteDto(v, voters.get(v.id) ?? [], names));
}

export async function toProtocolDtoChecked(em: Em, p: Protocol): Promise<ProtocolDto> {
  return toProtocolDto(p, await namesOf(em, [p.approvedById, p.signedById]), await protocolIntact(em, p));
}

export async function taskDtos(em: Em, tasks: MeetingTask[]): Promise<TaskDto[]> {
  const [names, departments] = await Promise.all([
    namesOf(em, tasks.flatMap((t) => [t.assigneeUserId, t.createdById])),
    departmentNames(em, tasks.map((t) => t.assigneeDepartmentId)),
  ]);
  return tasks.map((t) => toTaskDto(t, names, departments));
}

/**
 * Everything a meeting screen shows and the seq of the meeting's last event, read in one
 * repeatable-read transaction so that applying the meeting's events after `seq` is exact.
 * The remote presence is read from the rooms, outside the database.
 */
export async function meetingState(orm: Orm, realtime: MeetingRealtime, actor: Actor, meetingId: number): Promise<MeetingState> {
  const remote = realtime.remote(meetingId);
  const state = await orm.em.fork().transactional(
    async (em) => {
      const meeting = await loadMeeting(em, actor, meetingId);
      const seq = await meetingSeq(em, meetingId);
      const [composition, inviteeIds, inRoomIds, agenda, opinions, votes, tasks, openTasks, protocol] = await Promise.all([
        compositionOf(em, meeting),
        inviteeIdsOf(em, meetingId),
        inRoomIdsOf(em, meetingId),
        agendaDtos(em, meetingId),
        em.find(Opinion, { meetingId }, { orderBy: { id: 'asc' } }),
        votesOf(em, meetingId),
        em.find(MeetingTask, { meetingId }, { orderBy: { id: 'asc' } }),
        em.find(MeetingTask, { status: 'open', meetingId: { $ne: meetingId } }, { orderBy: { dueDate: 'asc', id: 'asc' } }),
        em.findOne(Protocol, { meetingId }),
      ]);
      const names = await namesOf(em, [...inviteeIds, ...inRoomIds, ...opinions.map((o) => o.authorId)]);
      const ref = (id: number) => names.get(id) ?? { id, name: '' };
      return {
        seq,
        now: new Date().toISOString(),
        meeting: await meetingDto(em, meeting),
        composition,
        invitees: inviteeIds.map(ref),
        agenda,
        opinions: opinions.map((o) => toOpinionDto(o, names)),
        votes,
        inRoom: inRoomIds.map(ref),
        tasks: await taskDtos(em, tasks),
        openTasks: await taskDtos(em, openTasks),
        protocol: protocol ? await toProtocolDtoChecked(em, protocol) : null,
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
  return { ...state, remote: await remote };
}

/** The meeting's events a (re)connecting client missed, or `reload` when the gap is too large. */
export async function meetingSync(orm: Orm, actor: Actor, meetingId: number, sinceSeq: number, maxReplay: number): Promise<MeetingSyncResult> {
  const em = orm.em.fork();
  await loadMeeting(em, actor, meetingId);
  const seq = await meetingSeq(em, meetingId);
  const events = await meetingEventsSince(em, meetingId, sinceSeq, maxReplay + 1);
  if (events.length > maxReplay) return { events: [], seq, reload: true };
  return { events, seq: Math.max(seq, events.at(-1)?.seq ?? 0), reload: false };
}

/**
 * A person's meeting calendar, newest first: members and observers see every meeting, an
 * invited person the meetings they are invited to.
 */
export async function listMeetings(orm: Orm, actor: Actor): Promise<MeetingList> {
  const em = orm.em.fork();
  const member = actor.roles.some((r) => COMPOSITION_ROLES.includes(r));
  const observer = actor.roles.some((r) => r === 'curator' || r === 'admin');
  const invited = (await em.find(MeetingInvitee, { userId: actor.id })).map((i) => i.meetingId);
  const where = member || observer ? {} : { id: { $in: invited } };
  const meetings = await em.find(Meeting, where, { orderBy: { startsAt: 'desc nulls first', id: 'desc' }, limit: 500 });
  const names = await namesOf(em, meetings.flatMap((m) => [m.createdById, m.approvedById]));
  const role = (m: Meeting) => (member || m.composition?.some((c) => c.id === actor.id) ? 'member' : invited.includes(m.id) ? 'invitee' : 'observer');
  return { meetings: meetings.map((m) => ({ meeting: toMeetingDto(m, names), role: role(m) })) };
}

