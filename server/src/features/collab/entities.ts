import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { timestamps } from '../../db/base.js';

/** A saved queue view: a name for the queue's filters, personal or shared with everyone. */
export const SavedView = defineEntity({
  name: 'SavedView',
  tableName: 'saved_view',
  properties: {
    id: p.integer().primary(),
    ownerId: p.integer(),
    name: p.string().length(100),
    shared: p.boolean().default(false),
    /** The queue's address search string, e.g. `?sector=waste&risk=overdue`. */
    query: p.string().length(2000),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type SavedView = InferEntity<typeof SavedView>;

/** The collab feature's entities (registered in db/entities.ts). */
export const COLLAB_ENTITIES = [SavedView] as const;
