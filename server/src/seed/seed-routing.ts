import type { Em } from '../db/orm.js';
import { Category, Department, Territory } from '../features/directory/directory.entity.js';
import { RoutingRule } from '../features/routing/entities.js';
import { DEPARTMENTS } from './directory.js';
import { ROUTING_RULES } from './routing-rules.js';

/**
 * Inserts the demo bodies and routing rules (categories and territories must be flushed
 * already) inside the caller's transaction; returns the bodies by code.
 */
export async function seedDepartmentsAndRules(em: Em): Promise<Map<string, Department>> {
  const [categories, territories] = await Promise.all([em.find(Category, {}), em.find(Territory, {})]);
  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const territoryId = new Map(territories.map((t) => [t.code, t.id]));
  const idOf = (map: Map<string, number>, code: string): number => {
    const id = map.get(code);
    if (id === undefined) throw new Error(`seed: unknown code ${code}`);
    return id;
  };
  const departments = new Map(
    DEPARTMENTS.map((d) => [
      d.code,
      em.create(Department, {
        code: d.code,
        name: d.name,
        kind: d.kind,
        sectors: [...d.sectors],
        territoryIds: d.territories.map((t) => idOf(territoryId, t)),
        active: true,
      }),
    ]),
  );
  await em.flush();
  for (const r of ROUTING_RULES) {
    em.create(RoutingRule, {
      sector: r.sector,
      categoryId: r.category ? idOf(categoryId, r.category) : null,
      territoryId: r.territory ? idOf(territoryId, r.territory) : null,
      departmentId: departments.get(r.department)!.id,
    });
  }
  await em.flush();
  return departments;
}
