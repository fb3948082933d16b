import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type {
  Channel,
  CloseResult,
  DeadlinePolicy,
  EscalationLevel,
  ExtensionRequestDto,
  IncidentImportance,
  ItemDeadlinesDto,
  ItemKind,
  ItemStatus,
  RiskState,
  Sector,
} from '@okno/shared';
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
    // Deadlines (features/deadlines): the policy the item got on arrival and its clocks.
    importance: p.string().$type<IncidentImportance>().default('normal'),
    policyId: p.string().length(100).nullable(),
    policy: p.json<DeadlinePolicy>().nullable(),
    deadlines: p.json<StoredDeadlines>().nullable(),
    extendedDays: p.integer().default(0),
    interimAnsweredAt: p.datetime().nullable(),
    reopenedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    /** The tracked deadline's thresholds in wall time; the scheduler's indexes are on these. */
    atRiskAt: p.datetime().nullable(),
    dueAt: p.datetime().nullable(),
    /** What the scheduler has marked; reset to on_time whenever the clock changes. */
    riskState: p.string().$type<RiskState>().default('on_time'),
    /** When the scheduler handled "overdue by more than the allowed extra". */
    lateMarkedAt: p.datetime().nullable(),
    // The workflow (features/answers, features/closing).
    /** How many times the answer was returned for rework. */
    returnCount: p.integer().default(0),
    closeResult: p.string().$type<CloseResult>().nullable(),
    /** A duplicate follows this main item's answer and status. */
    mergedIntoId: p.integer().nullable(),
    /** An executor's open request for more time; cleared when a lead extends. */
    extensionRequest: p.json<ExtensionRequestDto>().nullable(),
  },
});
export type Item = InferEntity<typeof Item>;

/** The deadlines kept on an item (ISO instants), besides the indexed columns. */
export type StoredDeadlines = Omit<ItemDeadlinesDto, 'riskState' | 'extendedDays' | 'interimAnsweredAt' | 'reopenedAt'>;

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
