import type { ItemStatus, Role } from './enums.js';

/** Roles that work the live queue (may claim, categorise, comment, escalate). */
export const QUEUE_WORKER_ROLES: readonly Role[] = [
  'operator',
  'smm_officer',
  'pos_officer',
  'sector_lead',
  'head',
  'deputy_head',
  'curator',
];

/** The centre's leads: sector leads, the head and deputy, the curator. */
export const LEAD_ROLES: readonly Role[] = ['sector_lead', 'head', 'deputy_head', 'curator'];
const LEADS = LEAD_ROLES;
const WORKERS = QUEUE_WORKER_ROLES;

/**
 * Allowed manual status transitions and the roles that may make each.
 * Claiming (new → in_work) and releasing (in_work → new) are their own actions, because
 * they also set or clear the assignee. Routed, answer review, answered and closed are reached
 * only through their own mutations (route, submit, return/approve, close), which check what
 * each step needs (a department, an answer, a close result); here stay the ways back to work.
 */
export const STATUS_TRANSITIONS: Record<ItemStatus, Partial<Record<ItemStatus, readonly Role[]>>> = {
  new: {},
  in_work: {},
  routed: { in_work: WORKERS }, // taken back from the department
  answer_review: {},
  answered: { in_work: WORKERS }, // reopened after the answer
  closed: { in_work: LEADS }, // reopened after closing
};

/** Statuses reached only through a dedicated mutation, never by a plain status change. */
export const DEDICATED_STATUSES: readonly ItemStatus[] = ['routed', 'answer_review', 'answered', 'closed'];

/** Whether the item still waits for its answer (neither answered nor closed). */
export function isOpenStatus(status: ItemStatus): boolean {
  return status !== 'answered' && status !== 'closed';
}

/** Whether a person holding `roles` may move an item from `from` to `to`. */
export function canTransition(from: ItemStatus, to: ItemStatus, roles: readonly Role[]): boolean {
  const allowed = STATUS_TRANSITIONS[from][to];
  return !!allowed && roles.some((r) => allowed.includes(r));
}

/** Statuses reachable from `from` for a person holding `roles`. */
export function nextStatuses(from: ItemStatus, roles: readonly Role[]): ItemStatus[] {
  return (Object.keys(STATUS_TRANSITIONS[from]) as ItemStatus[]).filter((to) =>
    canTransition(from, to, roles),
  );
}

/** Whether an item in this status can still be claimed by an operator. */
export function isClaimable(status: ItemStatus): boolean {
  return status !== 'closed' && status !== 'answered';
}
