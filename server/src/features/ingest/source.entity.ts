import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An integration that pushes items through the ingest API with its own key. */
export const Source = defineEntity({
  name: 'Source',
  properties: {
    id: p.integer().primary(),
    code: p.string().unique(),
    name: p.string(),
    /** sha256 of the API key. */
    apiKeyHash: p.string().unique(),
  },
});
export type Source = InferEntity<typeof Source>;
