/**
 * Meetings vocabulary (заседания МЦУ). Russian terms appear here once, beside their English
 * identifiers; the client's locale files translate the identifiers for display.
 */

/** Where a person sits in the centre's composition ([000] 10). One position per person. */
export const COMPOSITION_POSITIONS = [
  'head', // руководитель (председательствует)
  'deputy_head', // заместитель руководителя
  'secretary', // секретарь
  'member', // член МЦУ
] as const;
export type CompositionPosition = (typeof COMPOSITION_POSITIONS)[number];

/** A meeting's life: the agenda is drafted, approved with a date, held, then closed. */
export const MEETING_STATUSES = [
  'draft', // проект повестки формируется
  'scheduled', // повестка утверждена, дата назначена
  'live', // заседание идёт
  'ended', // заседание завершено, протокол оформляется
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** An agenda item from a member's proposal to the secretary's draft. */
export const AGENDA_ITEM_STATUSES = [
  'proposed', // предложен членом МЦУ
  'included', // включён в проект повестки
  'excluded', // не включён
] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

/** A regular question, or the review of earlier decisions still open (контроль исполнения). */
export const AGENDA_ITEM_KINDS = ['regular', 'control'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** A ballot. */
export const VOTE_CHOICES = [
  'for', // за
  'against', // против
  'abstain', // воздержался
] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const VOTE_STATUSES = ['open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/** What a closed vote decided. */
export const VOTE_OUTCOMES = [
  'adopted', // решение принято
  'rejected', // решение не принято
  'no_quorum', // заседание неправомочно: кворума нет
] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

/** The protocol: drafted by the secretary, approved by the chair, signed by the secretary ([000] 19). */
export const PROTOCOL_STATUSES = [
  'draft', // проект протокола
  'approved', // утверждён председательствующим
  'signed', // подписан секретарём
] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

/** A decision turned into a task under the secretary's control ([004] гл.3 п.10). */
export const TASK_STATUSES = [
  'open', // на контроле
  'done', // исполнено
  'cancelled', // снято с контроля
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** How a member took part: marked in the room by the secretary, or joined remotely. */
export const ATTENDANCE_MODES = [
  'in_room', // очно (отмечен секретарём)
  'remote', // дистанционно
  'absent', // отсутствовал
] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
