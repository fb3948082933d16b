import { ItemRating } from './rating.entity.js';

/** The closing feature's entities (registered in db/entities.ts). */
export const CLOSING_ENTITIES = [ItemRating] as const;
