import { resolveRoute, type RoutingDepartmentLike, type RoutingRuleLike } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Item } from '../items/item.entity.js';
import { loadRouting } from '../routing/routing-data.js';

/**
 * The body the routing rules suggest for an item (the shared `resolveRoute`), or null. The
 * rules and bodies are read once per bulk run, however many items it routes.
 */
export function routeSuggester(em: () => Em): (item: Item) => Promise<number | null> {
  let routing: Promise<{ rules: RoutingRuleLike[]; departments: RoutingDepartmentLike[] }> | null = null;
  return async (item) => {
    routing ??= loadRouting(em());
    const { rules, departments } = await routing;
    const suggestion = resolveRoute(rules, departments, {
      sector: item.sector ?? null,
      categoryId: item.categoryId ?? null,
      territoryId: item.territoryId ?? null,
    });
    return suggestion?.departmentId ?? null;
  };
}
