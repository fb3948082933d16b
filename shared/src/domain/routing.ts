import { canWorkQueue } from './access.js';
import type { ItemStatus, Role, Sector } from './enums.js';

/** A routing rule: (sector, category?, territory?) → responsible body. */
export interface RoutingRuleLike {
  id: number;
  sector: Sector;
  categoryId: number | null;
  territoryId: number | null;
  departmentId: number;
}

/** What the directory says about a body, as much as routing needs. */
export interface RoutingDepartmentLike {
  id: number;
  sectors: readonly Sector[];
  /** Territories it covers; empty means all. */
  territoryIds: readonly number[];
  active: boolean;
}

export interface RoutableItem {
  sector: Sector | null;
  categoryId: number | null;
  territoryId: number | null;
}

/** Why a body was suggested, most specific first. */
export const ROUTE_MATCHES = ['category_territory', 'category', 'sector_territory', 'sector', 'coverage'] as const;
export type RouteMatch = (typeof ROUTE_MATCHES)[number];

export interface RouteSuggestion {
  departmentId: number;
  ruleId: number | null;
  match: RouteMatch;
}

function specificity(rule: RoutingRuleLike, item: RoutableItem): RouteMatch | null {
  if (rule.sector !== item.sector) return null;
  if (rule.categoryId != null && rule.categoryId !== item.categoryId) return null;
  if (rule.territoryId != null && rule.territoryId !== item.territoryId) return null;
  if (rule.categoryId != null) return rule.territoryId != null ? 'category_territory' : 'category';
  return rule.territoryId != null ? 'sector_territory' : 'sector';
}

/**
 * The responsible body for an item: the most specific active rule (category and territory,
 * then category, then sector and territory, then sector); failing a rule, the only active body
 * whose sectors and territories cover the item. Ties between equally specific rules go to the
 * lowest rule id, so the answer is stable. Null when nothing (or more than one body) fits.
 */
export function resolveRoute(
  rules: readonly RoutingRuleLike[],
  departments: readonly RoutingDepartmentLike[],
  item: RoutableItem,
): RouteSuggestion | null {
  if (item.sector == null) return null;
  const active = new Map(departments.filter((d) => d.active).map((d) => [d.id, d]));
  let best: RouteSuggestion | null = null;
  for (const rule of [...rules].sort((a, b) => a.id - b.id)) {
    if (!active.has(rule.departmentId)) continue;
    const match = specificity(rule, item);
    if (match && (!best || ROUTE_MATCHES.indexOf(match) < ROUTE_MATCHES.indexOf(best.match))) {
      best = { departmentId: rule.departmentId, ruleId: rule.id, match };
    }
  }
  if (best) return best;
  const covering = [...active.values()].filter(
    (d) => d.sectors.includes(item.sector!) && (d.territoryIds.length === 0 || (item.territoryId != null && d.territoryIds.includes(item.territoryId))),
  );
  return covering.length === 1 ? { departmentId: covering[0]!.id, ruleId: null, match: 'coverage' } : null;
}

// ---- who may route, and from which status ----

/** Statuses an item may be routed from: first routing from new/in_work, re-routing from routed/answer_review. */
export const ROUTABLE_STATUSES: readonly ItemStatus[] = ['new', 'in_work', 'routed', 'answer_review'];
/** Statuses in which the item is already with a department: moving it elsewhere is a re-routing. */
export const REROUTE_STATUSES: readonly ItemStatus[] = ['routed', 'answer_review'];

export interface RouteRequest {
  roles: readonly Role[];
  status: ItemStatus;
  currentDepartmentId: number | null;
  targetDepartmentId: number;
  reason?: string | null;
}

/** Why a routing is refused. */
export type RouteRefusal = 'not_queue_worker' | 'not_routable' | 'same_department' | 'reason_required';
export type RouteDecision = { ok: true; reroute: boolean } | { ok: false; refusal: RouteRefusal };

/**
 * Whether a person may route an item now. Only queue workers route. An item that has never been
 * with a department is routed freely; one that is or was (routed, its answer in review, or taken
 * back into work) moves to another department only with a reason (59-ФЗ art. 8: a redirection is
 * recorded with its grounds), and a routed one never to the department it is with. Answered and
 * closed items are not routed.
 */
export function decideRoute(req: RouteRequest): RouteDecision {
  if (!canWorkQueue(req.roles)) return { ok: false, refusal: 'not_queue_worker' };
  if (!ROUTABLE_STATUSES.includes(req.status)) return { ok: false, refusal: 'not_routable' };
  const withBody = REROUTE_STATUSES.includes(req.status);
  if (withBody && req.currentDepartmentId === req.targetDepartmentId) return { ok: false, refusal: 'same_department' };
  // Taking an item back into work does not erase where it was: moving it to another body from
  // there is still a re-routing, with its grounds.
  const reroute = req.currentDepartmentId != null && req.currentDepartmentId !== req.targetDepartmentId;
  if (reroute && (req.reason ?? '').trim().length === 0) return { ok: false, refusal: 'reason_required' };
  return { ok: true, reroute };
}

// ---- the directory's administration ----

/** Roles that edit the directory of bodies, their executors and the routing rules. */
export const DIRECTORY_EDITOR_ROLES: readonly Role[] = ['admin'];
/** Roles that may read the directory's administration screen and its audit. */
export const DIRECTORY_READER_ROLES: readonly Role[] = ['admin', 'head', 'deputy_head', 'curator', 'sector_lead'];

/** Whether the roles allow editing departments, executors and routing rules. */
export function canEditDirectory(roles: readonly Role[]): boolean {
  return roles.some((r) => DIRECTORY_EDITOR_ROLES.includes(r));
}

/** Whether the roles allow reading the directory's administration (rules, executors, audit). */
export function canReadDirectoryAdmin(roles: readonly Role[]): boolean {
  return roles.some((r) => DIRECTORY_READER_ROLES.includes(r));
}

/** Only a person holding the executor role can be one of a department's executors. */
export function canBeExecutor(roles: readonly Role[]): boolean {
  return roles.includes('executor');
}

export interface RuleCheckInput {
  sector: Sector;
  categorySector: Sector | null;
  territoryId: number | null;
  department: RoutingDepartmentLike;
}

/** Why a routing rule does not fit its department or category. */
export type RuleIssue = 'category_sector' | 'department_inactive' | 'department_sector' | 'department_territory';

/**
 * What is wrong with a rule: its category must belong to its sector, and its body must be active,
 * hold that sector and cover the rule's territory (a body covering only some territories takes
 * only rules for one of them, so no item elsewhere lands on it).
 */
export function ruleIssues(rule: RuleCheckInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (rule.categorySector != null && rule.categorySector !== rule.sector) issues.push('category_sector');
  if (!rule.department.active) issues.push('department_inactive');
  if (!rule.department.sectors.includes(rule.sector)) issues.push('department_sector');
  const covers = rule.department.territoryIds.length === 0 || (rule.territoryId != null && rule.department.territoryIds.includes(rule.territoryId));
  if (!covers) issues.push('department_territory');
  return issues;
}
