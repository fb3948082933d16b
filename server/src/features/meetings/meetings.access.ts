import { LockMode } from '@mikro-orm/core';
import { AppError, compositionFrom, type CompositionMemberDto, type MeetingStatus, type Role } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';
import { Attendance, Meeting, MeetingInvitee } from './meeting.entity.js';

/** Roles that place a person in the centre's composition ([000] 10). */
export const COMPOSITION_ROLES: readonly Role[] = ['head', 'deputy_head', 'secretary', 'member'];
/** Who may follow every meeting besides its members and invitees. */
const OBSERVER_ROLES: readonly Role[] = ['curator', 'admin'];

/** The centre's composition now, from its active people's roles. */
export async function currentComposition(em: Em): Promise<CompositionMemberDto[]> {
  const users = await em.find(User, { active: true, roles: { $overlap: [...COMPOSITION_ROLES] } }, { fields: ['id', 'name', 'roles'] });
  return compositionFrom(users);
}

/** The meeting's composition: frozen at its start, the current one before. */
export async function compositionOf(em: Em, meeting: Meeting): Promise<CompositionMemberDto[]> {
  return meeting.composition ?? currentComposition(em);
}

export async function inviteeIdsOf(em: Em, meetingId: number): Promise<number[]> {
  const rows = await em.find(MeetingInvitee, { meetingId }, { orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.userId);
}

/** The people the secretary has marked present in the room now. */
export async function inRoomIdsOf(em: Em, meetingId: number): Promise<number[]> {
  const rows = await em.find(Attendance, { meetingId, inRoom: true });
  return rows.map((r) => r.userId);
}

const notFound = () => new AppError('not_found', 'Заседание не найдено или недоступно');

/** Whether the actor may see the meeting: its members, its invitees, curators and administrators. */
async function canView(em: Em, actor: Actor, meeting: Meeting): Promise<boolean> {
  if (actor.roles.some((r) => COMPOSITION_ROLES.includes(r) || OBSERVER_ROLES.includes(r))) return true;
  if (meeting.composition?.some((m) => m.id === actor.id)) return true;
  return (await em.count(MeetingInvitee, { meetingId: meeting.id, userId: actor.id })) > 0;
}

/**
 * Loads a meeting the actor may see, locked when asked (`update` serialises the meeting's
 * state changes; `share` lets ballots run side by side). Invisible and missing look the same.
 */
export async function loadMeeting(em: Em, actor: Actor, meetingId: number, lock?: 'update' | 'share'): Promise<Meeting> {
  const lockMode = lock === 'update' ? LockMode.PESSIMISTIC_WRITE : lock === 'share' ? LockMode.PESSIMISTIC_READ : undefined;
  const meeting = await em.findOne(Meeting, { id: meetingId }, lockMode ? { lockMode } : {});
  if (!meeting || !(await canView(em, actor, meeting))) throw notFound();
  return meeting;
}

/** Refuses unless the meeting is in one of the statuses. */
export function requireStatus(meeting: Meeting, statuses: readonly MeetingStatus[], message: string): void {
  if (!statuses.includes(meeting.status)) throw new AppError('invalid_transition', message, { status: meeting.status });
}

/** Refuses unless the actor holds one of the roles; `what` completes «Недостаточно прав: …». */
export function requireAnyRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!actor.roles.some((r) => roles.includes(r))) throw new AppError('forbidden', `Недостаточно прав: ${what}`);
}

/** Refuses a stale write of a row people edit concurrently. */
export function assertFresh(row: { version: number }, seen: number, what: string): void {
  if (row.version !== seen) {
    throw new AppError('conflict', `${what} уже изменён(а) другим пользователем. Обновите и повторите.`, {
      currentVersion: row.version,
      seenVersion: seen,
    });
  }
}
