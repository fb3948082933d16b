import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ItemDto, ItemEventData } from '@okno/shared';

/**
 * The append-only event log: one row per committed change, also the audit trail.
 * `seq` order equals commit order because appends take a transaction-scoped advisory lock.
 */
export const EventRow = defineEntity({
  name: 'EventRow',
  tableName: 'event',
  indexes: [{ properties: ['itemId', 'seq'] }],
  properties: {
    seq: p.bigint('number').primary().autoincrement(),
    at: p.datetime(),
    actorId: p.integer().nullable(),
    actorName: p.string().nullable(),
    ip: p.string().nullable(),
    type: p.string(),
    itemId: p.integer().nullable(),
    departmentId: p.integer().nullable(),
    /** Set when the change took the item away from this department (re-routing): its executors replay it. */
    previousDepartmentId: p.integer().nullable(),
    payload: p.json<{ data: ItemEventData; item: ItemDto }>(),
  },
});
export type EventRow = InferEntity<typeof EventRow>;

/** Results of applied client mutations, so a retried mutation id answers the first result. */
export const MutationRecord = defineEntity({
  name: 'MutationRecord',
  tableName: 'applied_mutation',
  properties: {
    id: p.string().primary(),
    userId: p.integer(),
    result: p.json<unknown>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MutationRecord = InferEntity<typeof MutationRecord>;
