import type { ItemRatingDto, RatingSource } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { intArray } from '../answers/answer-dto.js';

/** The latest rating of each of the given items (one query), keyed by item id. */
export async function latestRatingsOf(em: Em, itemIds: readonly number[]): Promise<Map<number, ItemRatingDto>> {
  if (itemIds.length === 0) return new Map();
  const rows = await em.execute<{ item_id: number; score: number; at: Date | string; source: RatingSource }[]>(
    `select distinct on (item_id) item_id, score, at, source from item_rating
     where item_id = any(?::int[]) order by item_id, at desc, id desc`,
    [intArray(itemIds)],
  );
  return new Map(rows.map((r) => [r.item_id, { score: Number(r.score), at: new Date(r.at).toISOString(), source: r.source }]));
}
