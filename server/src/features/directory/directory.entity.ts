import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DepartmentKind, Sector } from '@okno/shared';
import { timestamps } from '../../db/base.js';

export const Department = defineEntity({
  name: 'Department',
  properties: {
    id: p.integer().primary(),
    code: p.string().unique(),
    name: p.string(),
    kind: p.string().$type<DepartmentKind>(),
    sectors: p.array<Sector>(),
    /** Territories it covers; empty means all (int[] in the database). */
    territoryIds: p.array<number>((i) => Number(i), (i) => String(i)),
    /** A deactivated body keeps its history but takes no new items. */
    active: p.boolean().default(true),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type Department = InferEntity<typeof Department>;

export const Territory = defineEntity({
  name: 'Territory',
  properties: {
    id: p.integer().primary(),
    code: p.string().unique(),
    municipality: p.string(),
    district: p.string().nullable(),
  },
});
export type Territory = InferEntity<typeof Territory>;

export const Category = defineEntity({
  name: 'Category',
  properties: {
    id: p.integer().primary(),
    code: p.string().unique(),
    sector: p.string().$type<Sector>(),
    name: p.string(),
  },
});
export type Category = InferEntity<typeof Category>;
