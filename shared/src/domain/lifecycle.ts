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

const LEADS: readonly Role[] = ['sector_lead', 'head', 'deputy_head', 'curator'];
const WORKERS = QUEUE_WORKER_ROLES;

/**
 * Allowed manual status transitions and the roles that may make each.
 * Claiming (new → in_work) and releasing (in_work → new) are their own actions, because
 * they also set or clear the assignee.
 */
export const STATUS_TRANSITIONS: Record<ItemStatus, Partial<Record<ItemStatus, readonly Role[]>>> = {
  new: { closed: WORKERS },
  in_work: { routed: WORKERS, answered: WORKERS, closed: WORKERS },
  routed: { in_work: WORKERS, answer_review: ['executor', ...WORKERS] },
  answer_review: { routed: WORKERS, answered: WORKERS },
  answered: { closed: WORKERS, in_work: WORKERS },
  closed: { in_work: LEADS },
};

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
