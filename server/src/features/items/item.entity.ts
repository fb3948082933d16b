import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Channel, EscalationLevel, ItemKind, ItemStatus, Sector } from '@okno/shared';
import { timestamps } from '../../db/base.js';

export const Item = defineEntity({
  name: 'Item',
  uniques: [{ properties: ['sourceId', 'externalId'] }],
  indexes: [{ properties: ['status'] }, { properties: ['departmentId'] }, { properties: ['updatedAt'] }],
  properties: {
    id: p.integer().primary(),
    kind: p.string().$type<ItemKind>(),
    channel: p.string().$type<Channel>(),
    sourceId: p.integer(),
    externalId: p.string(),
    title: p.string().length(300),
    text: p.text(),
    authorName: p.string().nullable(),
    link: p.string().length(2000).nullable(),
    sector: p.string().$type<Sector>().nullable(),
    categoryId: p.integer().nullable(),
    territoryId: p.integer().nullable(),
    address: p.string().length(500).nullable(),
    status: p.string().$type<ItemStatus>(),
    assigneeId: p.integer().nullable(),
    departmentId: p.integer().nullable(),
    escalationLevel: p.string().$type<EscalationLevel>(),
    receivedAt: p.datetime(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type Item = InferEntity<typeof Item>;

export const Comment = defineEntity({
  name: 'Comment',
  tableName: 'item_comment',
  properties: {
    id: p.integer().primary(),
    itemId: p.integer().index(),
    authorId: p.integer(),
    text: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Comment = InferEntity<typeof Comment>;
