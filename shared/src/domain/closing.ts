import type { AnswerState, CloseResult, ItemStatus, RatingSource, Role } from './enums.js';
import { LEAD_ROLES } from './lifecycle.js';

/** The operators' step: call centre, «Инцидент Менеджмент», ПОС. */
const OPERATORS: readonly Role[] = ['operator', 'smm_officer', 'pos_officer'];
const WORKERS: readonly Role[] = [...OPERATORS, ...LEAD_ROLES];
const OPEN: readonly ItemStatus[] = ['new', 'in_work', 'routed', 'answer_review'];

/** What a close result needs besides the role and the status. */
export type CloseNeed = 'approved_answer' | 'note' | 'main_item' | null;

export interface CloseRule {
  roles: readonly Role[];
  from: readonly ItemStatus[];
  needs: CloseNeed;
}

/**
 * Who may close with which result, from which statuses, and what each result needs:
 * resolved and explained only once an approved answer went out; redirected (not our
 * competence) before an answer, with a note naming where to; a duplicate from any open status,
 * merged into a main item; spam or off-topic while still with the centre's operators.
 */
export const CLOSE_RULES: Record<CloseResult, CloseRule> = {
  resolved: { roles: WORKERS, from: ['answered'], needs: 'approved_answer' },
  explained: { roles: WORKERS, from: ['answered'], needs: 'approved_answer' },
  redirected: { roles: WORKERS, from: ['new', 'in_work', 'routed'], needs: 'note' },
  duplicate: { roles: WORKERS, from: OPEN, needs: 'main_item' },
  spam: { roles: WORKERS, from: ['new', 'in_work'], needs: null },
};

export type CloseRefusal =
  | 'forbidden_role'
  | 'wrong_status'
  | 'merged' // already a duplicate of another item
  | 'no_answer'
  | 'note_required'
  | 'main_required'
  | 'main_is_self'
  | 'main_closed' // the main item is closed or itself merged
  | 'main_is_follower'; // the main item is a duplicate of this one

export interface ClosableItem {
  id: number;
  status: ItemStatus;
  mergedIntoId: number | null;
  answerState: AnswerState | null;
}

export interface CloseRequest {
  result: CloseResult;
  note?: string | null;
  /** The main item for a duplicate, as loaded (null when the input named none). */
  main?: Pick<ClosableItem, 'id' | 'status' | 'mergedIntoId'> | null;
}

/** Checks a close against CLOSE_RULES; null when allowed. */
export function checkClose(roles: readonly Role[], item: ClosableItem, request: CloseRequest): CloseRefusal | null {
  const rule = CLOSE_RULES[request.result];
  if (!roles.some((r) => rule.roles.includes(r))) return 'forbidden_role';
  if (item.mergedIntoId != null) return 'merged';
  if (!rule.from.includes(item.status)) return 'wrong_status';
  switch (rule.needs) {
    case 'approved_answer':
      return item.answerState === 'approved' ? null : 'no_answer';
    case 'note':
      return (request.note?.trim().length ?? 0) >= 3 ? null : 'note_required';
    case 'main_item': {
      const main = request.main;
      if (!main) return 'main_required';
      if (main.id === item.id) return 'main_is_self';
      if (main.mergedIntoId === item.id) return 'main_is_follower';
      if (main.status === 'closed' || main.mergedIntoId != null) return 'main_closed';
      return null;
    }
    case null:
      return null;
    default: {
      const never: never = rule.needs;
      return never;
    }
  }
}

/** Roles that enter a citizen's rating by hand: the call centre, ПОС, and the leads. */
export const RATING_ROLES: readonly Role[] = ['operator', 'pos_officer', ...LEAD_ROLES];

export type RatingRefusal = 'forbidden_role' | 'wrong_status' | 'no_answer' | 'already_rated';

export interface RatableItem {
  status: ItemStatus;
  answerState: AnswerState | null;
  /** When the approved answer was recorded as sent. */
  answerSentAt: Date | null;
  /** When the item was last rated, from any source. */
  lastRatedAt: Date | null;
}

/**
 * A citizen rates the answer they got: only an answered or closed item with an approved
 * answer, and once per answer sent (a retried ingest cannot reopen twice).
 */
export function checkRating(item: RatableItem, source: RatingSource, roles: readonly Role[] = []): RatingRefusal | null {
  if (source === 'call_centre' && !roles.some((r) => RATING_ROLES.includes(r))) return 'forbidden_role';
  if (item.status !== 'answered' && item.status !== 'closed') return 'wrong_status';
  if (item.answerState !== 'approved' || !item.answerSentAt) return 'no_answer';
  if (item.lastRatedAt && item.lastRatedAt >= item.answerSentAt) return 'already_rated';
  return null;
}

/** A rating of 1–2 reopens the item and counts against its department ([001] 4.3). */
export function ratingReopens(score: number): boolean {
  return score <= 2;
}

/** Where a reopened item goes: back to its department when it has one, else to the operators. */
export function statusAfterReopen(item: { departmentId: number | null }): ItemStatus {
  return item.departmentId != null ? 'routed' : 'in_work';
}

/** Roles that see the departments' answer quality (ratings feed): analysts, leads, admins. */
export const QUALITY_VIEWER_ROLES: readonly Role[] = ['analyst', ...LEAD_ROLES, 'admin'];
