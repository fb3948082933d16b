import { z } from 'zod';
import { SECTORS } from '../domain/enums.js';
import { Id } from './items.js';

/** Why a person is notified about an item. */
export const NOTIFICATION_KINDS = [
  'escalated', // the item climbed to the person's step
  'deescalated', // the item came back down to the person's step
  'at_risk', // an item on the person's step is at risk
  'overdue', // an item on the person's step is overdue
  'mentioned', // someone @mentioned the person in a comment
  'routed', // an item was routed to the person's department
  'answer_submitted', // an answer awaits the person's review
  'answer_returned', // the department's answer was returned for rework
  'answer_approved', // the department's answer was approved and sent
  'extension_requested', // an executor asks for more time
  'extension_declined', // a lead declined the person's request for more time
  'rated_low', // the citizen rated the answer 1–2: the item is reopened
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One in-app notification; the socket sends it as `notification:new` to the room `user:<id>`. */
export const NotificationDto = z.object({
  id: Id,
  itemId: Id.nullable(),
  kind: z.enum(NOTIFICATION_KINDS),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationListQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const NotificationList = z.object({ notifications: z.array(NotificationDto), unread: z.number().int().nonnegative() });
export type NotificationList = z.infer<typeof NotificationList>;
/** Marks the given notifications read, or all of the person's when `ids` is absent. */
export const MarkNotificationsReadInput = z.object({ ids: z.array(Id).min(1).max(500).optional() });
export const MarkNotificationsReadResult = z.object({ updated: z.number().int().nonnegative(), unread: z.number().int().nonnegative() });

// ---- the head's wall ----

/** Counts of open items of one sector (null: not yet categorised), as the viewer may see them. */
export const WallTile = z.object({
  sector: z.enum(SECTORS).nullable(),
  new: z.number().int(),
  inWork: z.number().int(),
  atRisk: z.number().int(),
  overdue: z.number().int(),
  escalatedToMe: z.number().int(),
  /** 24 hourly buckets, oldest first, the last ending at `now`. */
  arrived: z.array(z.number().int()),
  closed: z.array(z.number().int()),
});
export type WallTile = z.infer<typeof WallTile>;

export const WallCell = z.object({
  sector: z.enum(SECTORS).nullable(),
  territoryId: Id.nullable(),
  atRisk: z.number().int(),
  overdue: z.number().int(),
});
export type WallCell = z.infer<typeof WallCell>;

/**
 * GET /api/wall. `scope` says what the counts cover: `all` (head, deputy, admin, analyst),
 * `sectors` (a sector lead's own sectors), `escalated` (the curator: items escalated to them).
 * `seq` is the event log position the counts reflect; `trendStart` begins the first bucket.
 */
export const WallDto = z.object({
  now: z.string(),
  seq: z.number().int(),
  scope: z.enum(['all', 'sectors', 'escalated', 'mixed']),
  sectors: z.array(z.enum(SECTORS)).nullable(),
  trendStart: z.string(),
  tiles: z.array(WallTile),
  matrix: z.array(WallCell),
});
export type WallDto = z.infer<typeof WallDto>;

/** POST /api/test/clock, only when the server runs with OKNO_TEST_CLOCK=true. */
export const TestClockInput = z.object({ now: z.string().datetime({ offset: true }) });
export const TestClockResult = z.object({ now: z.string() });
