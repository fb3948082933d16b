import type { AdminDepartmentDto, AdminRoutingRuleDto, RoutingDepartmentLike, RoutingRuleLike } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { Department } from '../directory/directory.entity.js';
import { RoutingRule } from './entities.js';

/** What routing needs to know about a body. */
export function routingDepartment(d: Department): RoutingDepartmentLike {
  return { id: d.id, sectors: [...d.sectors], territoryIds: [...d.territoryIds], active: d.active };
}

export function routingRule(r: RoutingRule): RoutingRuleLike {
  return { id: r.id, sector: r.sector, categoryId: r.categoryId ?? null, territoryId: r.territoryId ?? null, departmentId: r.departmentId };
}

/** Every rule and body, as `resolveRoute` takes them (both tables are small). */
export async function loadRouting(em: Em): Promise<{ rules: RoutingRuleLike[]; departments: RoutingDepartmentLike[]; names: Map<number, string> }> {
  const [rules, departments] = await Promise.all([
    em.find(RoutingRule, {}, { orderBy: { id: 'asc' } }),
    em.find(Department, {}, { orderBy: { id: 'asc' } }),
  ]);
  return {
    rules: rules.map(routingRule),
    departments: departments.map(routingDepartment),
    names: new Map(departments.map((d) => [d.id, d.name])),
  };
}

/** A body as the audit records it. */
export function departmentSnapshot(d: Department) {
  return { code: d.code, name: d.name, kind: d.kind, sectors: [...d.sectors], territoryIds: [...d.territoryIds], active: d.active };
}

/** A rule as the audit records it. */
export function ruleSnapshot(r: RoutingRule) {
  return { sector: r.sector, categoryId: r.categoryId ?? null, territoryId: r.territoryId ?? null, departmentId: r.departmentId };
}

export function toAdminDepartment(d: Department, executorIds: number[]): AdminDepartmentDto {
  return { id: d.id, ...departmentSnapshot(d), version: d.version, executorIds };
}

export function toAdminRule(r: RoutingRule): AdminRoutingRuleDto {
  return { id: r.id, ...ruleSnapshot(r), version: r.version };
}
