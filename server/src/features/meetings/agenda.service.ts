import {
  AppError,
  isVotingMember,
  type ApproveAgendaInput,
  type CreateMeetingInput,
  type DraftAgendaInput,
  type FileOpinionInput,
  type InviteInput,
  type MeetingEvent,
  type ProposeAgendaItemInput,
} from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';
import { runMeetingMutation, type MeetingDeps } from './meeting-mutation.js';
import { AgendaItem, Meeting, MeetingInvitee, Opinion } from './meeting.entity.js';
import { assertFresh, compositionOf, COMPOSITION_ROLES, inviteeIdsOf, loadMeeting, requireAnyRole, requireStatus } from './meetings.access.js';
import { namesOf, toAgendaItemDto, toMeetingDto, toOpinionDto } from './meetings.dto.js';
import { MeetingTask } from './vote.entity.js';

const ORGANISERS = ['secretary', 'head', 'deputy_head'] as const;

export async function meetingDto(em: Em, m: Meeting) {
  return toMeetingDto(m, await namesOf(em, [m.createdById, m.approvedById]));
}

/** The meeting's whole agenda in order: included items by position, then the rest by id. */
export async function agendaDtos(em: Em, meetingId: number) {
  const items = await em.find(AgendaItem, { meetingId }, { orderBy: { position: 'asc nulls last', id: 'asc' } });
  const names = await namesOf(em, items.map((i) => i.proposedById));
  return items.map((i) => toAgendaItemDto(i, names));
}

/** Opens a meeting in draft: the secretary (or the head) then gathers the agenda. */
export function createMeeting(deps: MeetingDeps, actor: Actor, input: CreateMeetingInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ORGANISERS, 'заседание назначает секретарь или руководитель');
    const startsAt = input.startsAt ? new Date(input.startsAt) : null;
    const { title, place, remoteLink } = input;
    const m = em.create(Meeting, { title, place, remoteLink, startsAt, status: 'draft', createdById: actor.id, remoteSeen: [] });
    await em.flush();
    return { meetingId: m.id, data: { type: 'meeting.created', meeting: await meetingDto(em, m) } };
  });
}

/** Invites a person who is not a member: they speak, do not vote ([000] 8.4, 12.4). */
export function invitePerson(deps: MeetingDeps, actor: Actor, input: InviteInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'приглашает на заседание секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['draft', 'scheduled', 'live'], 'Заседание уже завершено');
    const user = await em.findOne(User, { id: input.userId, active: true });
    if (!user) throw new AppError('validation', 'Пользователь не найден', { field: 'userId' });
    if (isVotingMember(await compositionOf(em, meeting), user.id)) {
      throw new AppError('validation', 'Член МЦУ участвует в заседании без приглашения', { field: 'userId' });
    }
    if (await em.count(MeetingInvitee, { meetingId: meeting.id, userId: user.id })) throw new AppError('duplicate', 'Уже приглашён(а)');
    em.create(MeetingInvitee, { meetingId: meeting.id, userId: user.id });
    const person = { id: user.id, name: user.name };
    const announced = meeting.status !== 'draft';
    const notify = announced ? { userIds: [user.id], notice: { kind: 'invited' as const, meeting: await meetingDto(em, meeting) } } : undefined;
    return { meetingId: meeting.id, data: { type: 'meeting.invited', person }, notify };
  });
}

export function uninvitePerson(deps: MeetingDeps, actor: Actor, input: InviteInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'состав приглашённых ведёт секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['draft', 'scheduled', 'live'], 'Заседание уже завершено');
    const row = await em.findOne(MeetingInvitee, { meetingId: meeting.id, userId: input.userId });
    if (!row) throw new AppError('not_found', 'Этот человек не приглашён');
    em.remove(row);
    const person = (await namesOf(em, [input.userId])).get(input.userId) ?? { id: input.userId, name: '' };
    return { meetingId: meeting.id, data: { type: 'meeting.uninvited', person } };
  });
}

/** A member proposes a question for the agenda, with materials ([000] 13.3, 16). */
export function proposeAgendaItem(deps: MeetingDeps, actor: Actor, input: ProposeAgendaItemInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, COMPOSITION_ROLES, 'вопросы в повестку предлагают члены МЦУ');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['draft'], 'Повестка уже утверждена: предложения не принимаются');
    const item = em.create(AgendaItem, {
      meetingId: meeting.id,
      kind: 'regular',
      status: 'proposed',
      position: null,
      title: input.title,
      description: input.description,
      materials: input.materials,
      taskIds: [],
      proposedById: actor.id,
      notes: '',
    });
    await em.flush();
    return { meetingId: meeting.id, data: { type: 'agenda.proposed', item: toAgendaItemDto(item, await namesOf(em, [actor.id])) } };
  });
}

/** The secretary's draft: the chosen proposals in order; the others are left out ([000] 12.1). */
export function draftAgenda(deps: MeetingDeps, actor: Actor, input: DraftAgendaInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'проект повестки формирует секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['draft'], 'Повестка уже утверждена');
    assertFresh(meeting, input.version, 'Заседание');
    const items = await em.find(AgendaItem, { meetingId: meeting.id, kind: 'regular' });
    const byId = new Map(items.map((i) => [i.id, i]));
    if (new Set(input.included).size !== input.included.length || input.included.some((id) => !byId.has(id))) {
      throw new AppError('validation', 'В проекте повестки — вопросы не этого заседания или повторы', { field: 'included' });
    }
    for (const item of items) {
      const at = input.included.indexOf(item.id);
      item.status = at >= 0 ? 'included' : 'excluded';
      item.position = at >= 0 ? at + 1 : null;
    }
    meeting.updatedAt = new Date();
    await em.flush();
    return { meetingId: meeting.id, data: { type: 'agenda.drafted', meeting: await meetingDto(em, meeting), agenda: await agendaDtos(em, meeting.id) } };
  });
}

/**
 * The head (or the deputy standing in) approves the agenda and sets date, time and a place
 * or a remote link ([000] 11.2, 16); decisions of earlier meetings still open join the agenda
 * as its last, control item. Members and invitees are notified.
 */
export function approveAgenda(deps: MeetingDeps, actor: Actor, input: ApproveAgendaInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['head', 'deputy_head'], 'повестку утверждает руководитель или замещающее его лицо');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['draft'], 'Повестка уже утверждена');
    assertFresh(meeting, input.version, 'Заседание');
    if (input.place == null && input.remoteLink == null) {
      throw new AppError('validation', 'Укажите место проведения или ссылку на дистанционное участие', { field: 'place' });
    }
    const included = await em.count(AgendaItem, { meetingId: meeting.id, status: 'included' });
    if (included === 0) throw new AppError('invalid_transition', 'В проекте повестки нет ни одного вопроса');
    const open = await em.find(MeetingTask, { status: 'open', meetingId: { $ne: meeting.id } }, { orderBy: { dueDate: 'asc', id: 'asc' } });
    if (open.length > 0) {
      em.create(AgendaItem, {
        meetingId: meeting.id,
        kind: 'control',
        status: 'included',
        position: included + 1,
        title: 'О ходе исполнения ранее принятых решений',
        description: open.map((t) => `— ${t.text} (срок ${t.dueDate})`).join('\n'),
        materials: [],
        taskIds: open.map((t) => t.id),
        proposedById: actor.id,
        notes: '',
      });
    }
    Object.assign(meeting, { status: 'scheduled', startsAt: new Date(input.startsAt), place: input.place, remoteLink: input.remoteLink, approvedById: actor.id } satisfies Partial<Meeting>);
    await em.flush();
    const dto = await meetingDto(em, meeting);
    const people = [...(await compositionOf(em, meeting)).map((m) => m.id), ...(await inviteeIdsOf(em, meeting.id))];
    return {
      meetingId: meeting.id,
      data: { type: 'agenda.approved', meeting: dto, agenda: await agendaDtos(em, meeting.id) },
      notify: { userIds: people, notice: { kind: 'scheduled', meeting: dto } },
    };
  });
}

/**
 * A member's written proposals and remarks on an agenda item, before or during the meeting
 * ([000] 17); filing again replaces the text. The protocol attaches those of absent members.
 */
export function fileOpinion(deps: MeetingDeps, actor: Actor, input: FileOpinionInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    const meeting = await loadMeeting(em, actor, input.meetingId);
    requireStatus(meeting, ['draft', 'scheduled', 'live'], 'Заседание завершено: мнения больше не принимаются');
    if (!isVotingMember(await compositionOf(em, meeting), actor.id)) {
      throw new AppError('not_voting_member', 'Письменное мнение направляет член МЦУ');
    }
    const item = await em.findOne(AgendaItem, { id: input.agendaItemId, meetingId: meeting.id });
    if (!item || item.status === 'excluded') throw new AppError('not_found', 'Вопрос не найден в повестке этого заседания');
    const existing = await em.findOne(Opinion, { agendaItemId: item.id, authorId: actor.id });
    const opinion = existing ?? em.create(Opinion, { meetingId: meeting.id, agendaItemId: item.id, authorId: actor.id, text: input.text });
    opinion.text = input.text;
    opinion.updatedAt = new Date();
    await em.flush();
    return { meetingId: meeting.id, data: { type: 'opinion.filed', opinion: toOpinionDto(opinion, await namesOf(em, [actor.id])) } };
  });
}
