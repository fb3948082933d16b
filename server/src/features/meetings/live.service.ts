import {
  AppError,
  buildProtocol,
  type EndMeetingInput,
  type MarkAttendanceInput,
  type MeetingEvent,
  type SetCurrentItemInput,
  type StartMeetingInput,
  type UpdateNotesInput,
} from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { agendaDtos, meetingDto } from './agenda.service.js';
import { runMeetingMutation, type MeetingDeps } from './meeting-mutation.js';
import { AgendaItem, Attendance, Opinion, type Meeting } from './meeting.entity.js';
import { assertFresh, compositionOf, currentComposition, inviteeIdsOf, loadMeeting, requireAnyRole, requireStatus } from './meetings.access.js';
import { namesOf, toAgendaItemDto, toOpinionDto } from './meetings.dto.js';
import { toProtocolDtoChecked, votesOf } from './meetings.query.js';
import type { MeetingRealtime } from './meetings.realtime.js';
import { Protocol, Vote } from './vote.entity.js';

const CHAIRS = ['head', 'deputy_head'] as const;

/** Adds who is joined remotely now (members and invitees) to the meeting's attendance record. */
export async function recordRemote(em: Em, realtime: MeetingRealtime, meeting: Meeting): Promise<number[]> {
  const remote = (await realtime.remote(meeting.id)).map((p) => p.id);
  const participants = new Set([...(await compositionOf(em, meeting)).map((m) => m.id), ...(await inviteeIdsOf(em, meeting.id))]);
  const seen = new Set(meeting.remoteSeen);
  for (const id of remote) if (participants.has(id)) seen.add(id);
  if (seen.size !== meeting.remoteSeen.length) meeting.remoteSeen = [...seen].sort((a, b) => a - b);
  return remote;
}

async function participantIds(em: Em, meeting: Meeting): Promise<number[]> {
  return [...(await compositionOf(em, meeting)).map((m) => m.id), ...(await inviteeIdsOf(em, meeting.id))];
}

/** Opens the meeting: its composition is frozen as the base of quorum and votes. */
export function startMeeting(deps: MeetingDeps, actor: Actor, input: StartMeetingInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, [...CHAIRS, 'secretary'], 'заседание открывает председательствующий или секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['scheduled'], meeting.status === 'draft' ? 'Сначала утвердите повестку' : 'Заседание уже открыто');
    const composition = await currentComposition(em);
    Object.assign(meeting, { status: 'live', composition, startedAt: new Date() } satisfies Partial<Meeting>);
    await recordRemote(em, deps.meetingRealtime, meeting);
    await em.flush();
    const dto = await meetingDto(em, meeting);
    return {
      meetingId: meeting.id,
      data: { type: 'meeting.started', meeting: dto, composition },
      notify: { userIds: await participantIds(em, meeting), notice: { kind: 'started', meeting: dto } },
    };
  });
}

/** The secretary marks who is present in the room (members and invitees); persistent. */
export function markAttendance(deps: MeetingDeps, actor: Actor, input: MarkAttendanceInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'присутствие в зале отмечает секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['scheduled', 'live'], 'Присутствие отмечается только перед заседанием и во время него');
    if (!(await participantIds(em, meeting)).includes(input.userId)) {
      throw new AppError('validation', 'Это не член МЦУ и не приглашённый на заседание', { field: 'userId' });
    }
    const row = await em.findOne(Attendance, { meetingId: meeting.id, userId: input.userId });
    if (row) Object.assign(row, { inRoom: input.inRoom, everInRoom: row.everInRoom || input.inRoom, markedById: actor.id } satisfies Partial<Attendance>);
    else em.create(Attendance, { meetingId: meeting.id, userId: input.userId, inRoom: input.inRoom, everInRoom: input.inRoom, markedById: actor.id });
    const person = (await namesOf(em, [input.userId])).get(input.userId) ?? { id: input.userId, name: '' };
    return { meetingId: meeting.id, data: { type: 'attendance.marked', person, inRoom: input.inRoom } };
  });
}

/** Shows everyone the agenda item under discussion (or none). */
export function setCurrentItem(deps: MeetingDeps, actor: Actor, input: SetCurrentItemInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, [...CHAIRS, 'secretary'], 'текущий вопрос выбирает председательствующий или секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['live'], 'Заседание не идёт');
    if (input.agendaItemId != null) {
      const item = await em.findOne(AgendaItem, { id: input.agendaItemId, meetingId: meeting.id, status: 'included' });
      if (!item) throw new AppError('not_found', 'Вопрос не найден в повестке этого заседания');
    }
    meeting.currentAgendaItemId = input.agendaItemId;
    await em.flush();
    return { meetingId: meeting.id, data: { type: 'agenda.current', meeting: await meetingDto(em, meeting) } };
  });
}

/** The secretary's notes on an agenda item during the meeting. */
export function updateNotes(deps: MeetingDeps, actor: Actor, input: UpdateNotesInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'записи по вопросам ведёт секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId);
    requireStatus(meeting, ['live'], 'Записи ведутся во время заседания; после него — в проекте протокола');
    const item = await em.findOne(AgendaItem, { id: input.agendaItemId, meetingId: meeting.id });
    if (!item) throw new AppError('not_found', 'Вопрос не найден в повестке этого заседания');
    assertFresh(item, input.version, 'Запись по вопросу');
    item.notes = input.notes;
    await em.flush();
    return { meetingId: meeting.id, data: { type: 'notes.updated', item: toAgendaItemDto(item, await namesOf(em, [item.proposedById])) } };
  });
}

/** Closes the meeting and generates the protocol's draft from what happened. */
export function endMeeting(deps: MeetingDeps, actor: Actor, input: EndMeetingInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, [...CHAIRS, 'secretary'], 'заседание закрывает председательствующий или секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['live'], 'Заседание не идёт');
    if (await em.count(Vote, { meetingId: meeting.id, status: 'open' })) throw new AppError('invalid_transition', 'Сначала закройте голосование');
    await recordRemote(em, deps.meetingRealtime, meeting);
    Object.assign(meeting, { status: 'ended', endedAt: new Date(), currentAgendaItemId: null } satisfies Partial<Meeting>);
    await em.flush();
    const [dto, agenda, votes, opinions, invitees, attendance] = await Promise.all([
      meetingDto(em, meeting),
      agendaDtos(em, meeting.id),
      votesOf(em, meeting.id),
      em.find(Opinion, { meetingId: meeting.id }, { orderBy: { id: 'asc' } }),
      inviteeIdsOf(em, meeting.id),
      em.find(Attendance, { meetingId: meeting.id, everInRoom: true }),
    ]);
    const names = await namesOf(em, [...opinions.map((o) => o.authorId), ...invitees]);
    const content = buildProtocol({
      meeting: dto,
      composition: meeting.composition ?? [],
      invitees: invitees.map((id) => names.get(id) ?? { id, name: '' }),
      inRoomEver: attendance.map((a) => a.userId),
      remoteSeen: meeting.remoteSeen,
      agenda,
      votes,
      opinions: opinions.map((o) => toOpinionDto(o, names)),
    });
    const protocol = em.create(Protocol, { meetingId: meeting.id, status: 'draft', content });
    await em.flush();
    return {
      meetingId: meeting.id,
      data: { type: 'meeting.ended', meeting: dto, protocol: await toProtocolDtoChecked(em, protocol) },
      notify: { userIds: await participantIds(em, meeting), notice: { kind: 'ended', meeting: dto } },
    };
  });
}
