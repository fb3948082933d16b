import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AuditAction, AuditEntity, Sector } from '@okno/shared';
import { timestamps } from '../../db/base.js';

/** (sector, category?, territory?) → responsible body; unique per match (nulls equal). */
export const RoutingRule = defineEntity({
  name: 'RoutingRule',
  tableName: 'routing_rule',
  properties: {
    id: p.integer().primary(),
    sector: p.string().$type<Sector>(),
    categoryId: p.integer().nullable(),
    territoryId: p.integer().nullable(),
    departmentId: p.integer(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type RoutingRule = InferEntity<typeof RoutingRule>;

/** Append-only audit of directory changes (a database trigger refuses updates and deletes). */
export const AuditLog = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    at: p.datetime(),
    actorId: p.integer().nullable(),
    actorName: p.string().nullable(),
    entity: p.string().$type<AuditEntity>(),
    entityId: p.integer(),
    action: p.string().$type<AuditAction>(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
  },
});
export type AuditLog = InferEntity<typeof AuditLog>;

/** The routing feature's entities (registered in db/entities.ts). */
export const ROUTING_ENTITIES = [RoutingRule, AuditLog] as const;
