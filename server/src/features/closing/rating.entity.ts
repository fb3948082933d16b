import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RatingSource } from '@okno/shared';

/** A citizen's rating of an answer, kept against the department the item was with. */
export const ItemRating = defineEntity({
  name: 'ItemRating',
  tableName: 'item_rating',
  properties: {
    id: p.integer().primary(),
    itemId: p.integer(),
    score: p.integer(),
    comment: p.string().length(2000).nullable(),
    source: p.string().$type<RatingSource>(),
    departmentId: p.integer().nullable(),
    /** The person who entered it (call centre); null when it came through the ingest API. */
    ratedBy: p.integer().nullable(),
    at: p.datetime(),
  },
});
export type ItemRating = InferEntity<typeof ItemRating>;
