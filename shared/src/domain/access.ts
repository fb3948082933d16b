import type { Role } from './enums.js';
import { QUEUE_WORKER_ROLES } from './lifecycle.js';

/** What a person may see of the item stream. */
export type ItemScope =
  | { kind: 'all'; masked: boolean } // the whole queue; masked hides citizens' personal data
  | { kind: 'department'; departmentId: number | null } // executors: their department only
  | { kind: 'none' };

/**
 * The widest item scope a set of roles grants. Executors see only their department's items;
 * analysts see everything with citizens' personal data masked; members alone see no queue.
 */
export function itemScopeFor(roles: readonly Role[], departmentId: number | null): ItemScope {
  if (roles.some((r) => QUEUE_WORKER_ROLES.includes(r) || r === 'admin')) {
    return { kind: 'all', masked: false };
  }
  if (roles.includes('executor')) return { kind: 'department', departmentId };
  if (roles.includes('analyst')) return { kind: 'all', masked: true };
  return { kind: 'none' };
}

/** Whether the roles allow working the queue (claim, categorise, escalate, comment). */
export function canWorkQueue(roles: readonly Role[]): boolean {
  return roles.some((r) => QUEUE_WORKER_ROLES.includes(r));
}

/** Whether the roles allow commenting on a visible item (workers and executors). */
export function canComment(roles: readonly Role[]): boolean {
  return canWorkQueue(roles) || roles.includes('executor');
}

/** Masks a citizen's name for roles that do not need it: "Иванова Мария" → "И*** М***". */
export function maskPersonName(name: string | null): string | null {
  if (name == null) return null;
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0] ?? ''}***`)
    .join(' ');
}
