import type { AnswerState, ItemKind, ItemStatus, Role } from './enums.js';
import { canWorkQueue } from './access.js';

/** Who acts on an answer: their roles and, for executors, their department. */
export interface AnswerActor {
  id: number;
  roles: readonly Role[];
  departmentId: number | null;
}

/** What the answer rules look at on an item. */
export interface AnswerItem {
  kind?: ItemKind;
  status: ItemStatus;
  departmentId: number | null;
  /** Set on a duplicate: it follows its main item and takes no answer of its own. */
  mergedIntoId: number | null;
  answer: { state: AnswerState; authorId: number; text: string } | null;
}

/** Why an answer action is refused; the server words each one. */
export type AnswerRefusal =
  | 'not_answerer' // neither the department's executor nor a worker of the centre
  | 'not_reviewer' // may not approve or return answers
  | 'not_executor' // only the department's executor may ask for more time
  | 'merged' // a duplicate follows its main item
  | 'wrong_status' // the item is not at the step the action needs
  | 'no_answer' // nothing saved to submit
  | 'own_answer'; // nobody reviews their own answer

/** The status steps of quality control: submit, return for rework, approve. */
export const ANSWER_STEPS = {
  submit: { from: 'routed', to: 'answer_review' },
  return: { from: 'answer_review', to: 'routed' },
  approve: { from: 'answer_review', to: 'answered' },
} as const satisfies Record<string, { from: ItemStatus; to: ItemStatus }>;

/** Roles that check answers: the operators' step and the leads ([003] 3.1.5–3.1.6; RULES.md, Quality). */
export const ANSWER_REVIEWER_ROLES: readonly Role[] = ['operator', 'smm_officer', 'pos_officer', 'sector_lead', 'head', 'deputy_head', 'curator'];

/** Whether the actor is an executor of the department the item is routed to. */
export function isDepartmentExecutor(actor: AnswerActor, item: Pick<AnswerItem, 'departmentId'>): boolean {
  return actor.roles.includes('executor') && actor.departmentId != null && actor.departmentId === item.departmentId;
}

/** Whether the actor may write the item's answer at all: its department's executor, or a worker of the centre. */
export function mayAnswer(actor: AnswerActor, item: Pick<AnswerItem, 'departmentId'>): boolean {
  return isDepartmentExecutor(actor, item) || canWorkQueue(actor.roles);
}

/** Saving the draft: by someone who may answer, while the item is routed and not merged. */
export function checkSaveAnswer(actor: AnswerActor, item: AnswerItem): AnswerRefusal | null {
  if (!mayAnswer(actor, item)) return 'not_answerer';
  if (item.mergedIntoId != null) return 'merged';
  if (item.status !== ANSWER_STEPS.submit.from) return 'wrong_status';
  return null;
}

/** Submitting for review: as saving, and a non-empty answer must be saved. */
export function checkSubmitAnswer(actor: AnswerActor, item: AnswerItem): AnswerRefusal | null {
  const refusal = checkSaveAnswer(actor, item);
  if (refusal) return refusal;
  if (!item.answer || item.answer.text.trim() === '') return 'no_answer';
  return null;
}

/**
 * Returning or approving: by a reviewer (operators and leads), on a submitted answer under
 * review, never by the answer's own author (four eyes on every answer sent to a citizen).
 */
export function checkReviewAnswer(actor: AnswerActor, item: AnswerItem): AnswerRefusal | null {
  if (!actor.roles.some((r) => ANSWER_REVIEWER_ROLES.includes(r))) return 'not_reviewer';
  if (item.mergedIntoId != null) return 'merged';
  if (item.status !== ANSWER_STEPS.approve.from || item.answer?.state !== 'submitted') return 'wrong_status';
  if (item.answer.authorId === actor.id) return 'own_answer';
  return null;
}

/** Asking for more time: only the department's executor, while the item is with them. */
export function checkRequestExtension(actor: AnswerActor, item: AnswerItem): AnswerRefusal | null {
  if (!isDepartmentExecutor(actor, item)) return 'not_executor';
  if (item.mergedIntoId != null) return 'merged';
  if (item.status !== 'routed' && item.status !== 'answer_review') return 'wrong_status';
  return null;
}

/**
 * An interim answer (incidents, RULES.md Deadlines): a worker of the centre, or the executor of
 * the department the item is routed to; never once answered or closed.
 */
export function checkInterimAnswer(actor: AnswerActor, item: AnswerItem): AnswerRefusal | null {
  if (!mayAnswer(actor, item)) return 'not_answerer';
  if (item.mergedIntoId != null) return 'merged';
  if (item.status === 'answered' || item.status === 'closed') return 'wrong_status';
  return null;
}

type Instant = Date | string;
const ms = (t: Instant): number => (typeof t === 'string' ? Date.parse(t) : t.getTime());

/**
 * Whether an interim answer stands, so no other is taken until the final one: an interim answer
 * given before the item was last reopened no longer counts, and the reopened item may get a new one.
 */
export function interimAnswerStands(interimAnsweredAt: Instant | null | undefined, reopenedAt: Instant | null | undefined): boolean {
  if (interimAnsweredAt == null) return false;
  return reopenedAt == null || ms(interimAnsweredAt) >= ms(reopenedAt);
}

/** The state a saved answer keeps: a returned answer stays returned until it is submitted again. */
export function stateAfterSave(current: AnswerState | null): AnswerState {
  return current === 'returned' ? 'returned' : 'draft';
}
