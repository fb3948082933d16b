import { AppError, type BulkAction, type BulkInput, type BulkResult, type MutationResult } from '@okno/shared';
import { toErrorBody } from '../../http/errors.js';
import type { Logger } from '../../log.js';
import type { Actor } from '../auth/actor.js';
import { closeItem } from '../closing/closing.service.js';
import { loadVisibleItem } from '../items/item-access.js';
import type { Item } from '../items/item.entity.js';
import { categoriseItem, claimItem, type ItemsDeps } from '../items/items.service.js';
import { routeItem } from '../routing/route.service.js';
import { routeSuggester } from './route-suggestion.js';

type BulkItemResult = BulkResult['results'][number];

export interface BulkDeps extends ItemsDeps {
  log: Logger;
}

/** One item's action through the item's own service, with the version it has now (bulk skips the stale-write check). */
async function applyToItem(
  deps: ItemsDeps,
  actor: Actor,
  action: BulkAction,
  itemId: number,
  mutationId: string,
  suggest: (item: Item) => Promise<number | null>,
): Promise<MutationResult> {
  const current = async (): Promise<Item> => loadVisibleItem(deps.orm.em.fork(), actor, itemId);
  switch (action.action) {
    case 'claim':
      return claimItem(deps, actor, { mutationId, itemId });
    case 'route': {
      const item = await current();
      const departmentId = action.departmentId ?? (await suggest(item));
      if (departmentId == null) {
        throw new AppError('validation', 'Для сообщения нет рекомендованного органа — выберите орган вручную', { field: 'departmentId' });
      }
      return routeItem(deps, actor, { mutationId, itemId, version: item.version, departmentId, reason: action.reason });
    }
    case 'categorise': {
      const item = await current();
      return categoriseItem(deps, actor, { mutationId, itemId, version: item.version, sector: action.sector, categoryId: action.categoryId });
    }
    case 'close_duplicate': {
      if (action.mainItemId === itemId) throw new AppError('validation', 'Запись не может быть дубликатом самой себя', { field: 'mainItemId' });
      const item = await current();
      return closeItem(deps, actor, { mutationId, itemId, version: item.version, result: 'duplicate', mainItemId: action.mainItemId });
    }
    default: {
      const never: never = action;
      throw new Error(`unknown bulk action ${String(never)}`);
    }
  }
}

/** Items worked at once: enough to overlap round trips, few enough to leave the pool to others. */
const BULK_CONCURRENCY = 4;

/**
 * Runs one action on many items, each in its own transaction through the item's service,
 * reporting per item (in the order asked) what succeeded and what was refused, and why. Item
 * mutation ids derive from the bulk's (`<bulk>-<item>`), so a retried bulk answers the first
 * results of the items it already changed. A concurrent change between reading the version and
 * writing is retried once.
 */
export async function runBulk(deps: BulkDeps, actor: Actor, input: BulkInput): Promise<BulkResult> {
  const itemIds = [...new Set(input.itemIds)];
  const results: BulkItemResult[] = new Array(itemIds.length);
  const suggest = routeSuggester(() => deps.orm.em.fork());
  const runOne = async (itemId: number): Promise<BulkItemResult> => {
    const mutationId = `${input.mutationId}-${itemId}`;
    try {
      let outcome: MutationResult;
      try {
        outcome = await applyToItem(deps, actor, input.do, itemId, mutationId, suggest);
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'conflict')) throw e;
        outcome = await applyToItem(deps, actor, input.do, itemId, mutationId, suggest);
      }
      return { itemId, ok: true, item: outcome.item };
    } catch (e) {
      // The same mapping as a single mutation's answer; unknown failures are logged, not leaked.
      const { body } = toErrorBody(e, deps.log.child({ bulk: input.mutationId, itemId }));
      return { itemId, ok: false, code: body.code, message: body.message };
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < itemIds.length) {
      const index = next++;
      results[index] = await runOne(itemIds[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, itemIds.length) }, worker));
  return { results };
}
