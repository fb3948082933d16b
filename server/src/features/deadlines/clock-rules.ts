import type { Em, Orm } from '../../db/orm.js';
import { Category } from '../directory/directory.entity.js';
import type { Item } from '../items/item.entity.js';
import { recomputeClock, startClock } from './item-clock.js';
import { deadlineRules, type DeadlineRules } from './rules.js';

/** The current rules, with the item's clock started first if it never was (an item older than deadlines). */
export async function rulesFor(em: Em, orm: Orm, item: Item): Promise<DeadlineRules> {
  const rules = await deadlineRules(orm).get(em);
  if (!item.policy) {
    const category = item.categoryId != null ? await em.findOne(Category, { id: item.categoryId }) : null;
    startClock(item, category?.code ?? null, rules);
  }
  return rules;
}

/** A reopened item's answer clock restarts from the reopening (the engine's rule). */
export async function reopenClock(em: Em, orm: Orm, item: Item, at: Date): Promise<void> {
  const rules = await rulesFor(em, orm, item);
  item.reopenedAt = at;
  item.closedAt = null;
  recomputeClock(item, rules);
}
