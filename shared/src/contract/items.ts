import { z } from 'zod';
import { DEADLINE_CLOCKS, INCIDENT_IMPORTANCE } from '../domain/deadlines/policies.js';
import { RISK_STATES } from '../domain/deadlines/risk.js';
import {
  ANSWER_STATES,
  CHANNELS,
  CLOSE_RESULTS,
  DEPARTMENT_KINDS,
  ESCALATION_LEVELS,
  ITEM_KINDS,
  ITEM_STATUSES,
  RATING_SOURCES,
  ROLES,
  SECTORS,
} from '../domain/enums.js';

export const Id = z.number().int().positive();
/** A client-generated id that makes a mutation idempotent: a retry returns the first result. */
export const MutationId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const Version = z.number().int().nonnegative();

export const UserRef = z.object({ id: Id, name: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/**
 * An item's deadlines as instants (ISO). The tracked deadline is the final answer once an
 * interim answer was given, else the answer: `atRiskAt` and `dueAt` are its thresholds.
 * `riskState` is the state the scheduler has marked (it drives escalation and the wall); a
 * live display derives its own from `atRiskAt`/`dueAt` and the server's clock (`hello.now`).
 */
export const ItemDeadlinesDto = z.object({
  policyId: z.string(),
  clock: z.enum(DEADLINE_CLOCKS),
  threshold: z.number(),
  startedAt: z.string(),
  atRiskAt: z.string(),
  dueAt: z.string(),
  riskState: z.enum(RISK_STATES),
  answerDue: z.string(),
  registerDue: z.string().nullable(),
  redirectDue: z.string().nullable(),
  finalDue: z.string().nullable(),
  extendedDays: z.number().int().nonnegative(),
  /** The longest extension still allowed (59-ФЗ: 30 days, once), or null when none is. */
  extensionAvailableDays: z.number().int().positive().nullable(),
  interimAnsweredAt: z.string().nullable(),
  /** The last reopening (a low rating): an interim answer before it no longer counts. */
  reopenedAt: z.string().nullable().default(null),
});
export type ItemDeadlinesDto = z.infer<typeof ItemDeadlinesDto>;

/** A file attached to an answer (stored in the database, downloaded at /api/answers/attachments/:id). */
export const AttachmentDto = z.object({ id: Id, name: z.string(), size: z.number().int().nonnegative(), mime: z.string() });
export type AttachmentDto = z.infer<typeof AttachmentDto>;

/** The item's current answer to the citizen and where it stands in quality control. */
export const ItemAnswerDto = z.object({
  text: z.string(),
  attachments: z.array(AttachmentDto),
  author: UserRef,
  state: z.enum(ANSWER_STATES),
  updatedAt: z.string(),
  /** When the approved answer was recorded as sent, and through which channel (the item's). */
  sentAt: z.string().nullable(),
  sentVia: z.enum(CHANNELS).nullable(),
  /** Set when an answer comes from the main item this one was merged into. */
  fromItemId: Id.nullable().default(null),
});
export type ItemAnswerDto = z.infer<typeof ItemAnswerDto>;

/** An executor's open request for more time; a lead grants it with the extend mutation. */
export const ExtensionRequestDto = z.object({ days: z.number().int().positive(), reason: z.string(), by: UserRef, at: z.string() });
export type ExtensionRequestDto = z.infer<typeof ExtensionRequestDto>;

/** The citizen's latest satisfaction rating. */
export const ItemRatingDto = z.object({ score: z.number().int().min(1).max(5), at: z.string(), source: z.enum(RATING_SOURCES) });
export type ItemRatingDto = z.infer<typeof ItemRatingDto>;

export const ItemDto = z.object({
  id: Id,
  kind: z.enum(ITEM_KINDS),
  channel: z.enum(CHANNELS),
  source: z.string(),
  externalId: z.string(),
  title: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
  link: z.string().nullable(),
  sector: z.enum(SECTORS).nullable(),
  categoryId: Id.nullable(),
  territoryId: Id.nullable(),
  address: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  assignee: UserRef.nullable(),
  departmentId: Id.nullable(),
  escalationLevel: z.enum(ESCALATION_LEVELS),
  receivedAt: z.string(),
  updatedAt: z.string(),
  version: Version,
  // Defaults keep events logged before deadlines existed readable.
  importance: z.enum(INCIDENT_IMPORTANCE).default('normal'),
  deadlines: ItemDeadlinesDto.nullable().default(null),
  // The workflow (routing, answers, closing, rating); defaults keep older events readable.
  /** How many times the answer was returned for rework. */
  returnCount: z.number().int().nonnegative().default(0),
  answer: ItemAnswerDto.nullable().default(null),
  extensionRequest: ExtensionRequestDto.nullable().default(null),
  closeResult: z.enum(CLOSE_RESULTS).nullable().default(null),
  /** A duplicate follows this main item's answer and status. */
  mergedIntoId: Id.nullable().default(null),
  rating: ItemRatingDto.nullable().default(null),
});
export type ItemDto = z.infer<typeof ItemDto>;

export const CommentDto = z.object({
  id: Id,
  itemId: Id,
  author: UserRef,
  text: z.string(),
  createdAt: z.string(),
});
export type CommentDto = z.infer<typeof CommentDto>;

// ---- mutations (the same payloads over REST and the socket) ----

const base = { mutationId: MutationId, itemId: Id };

export const ClaimInput = z.object({ ...base, version: Version.optional() });
export const ReleaseInput = z.object({ ...base, version: Version });
export const CommentInput = z.object({ ...base, text: z.string().trim().min(1).max(4000) });
export const CategoriseInput = z.object({
  ...base,
  version: Version,
  sector: z.enum(SECTORS),
  categoryId: Id.nullable(),
});
export const ChangeStatusInput = z.object({ ...base, version: Version, status: z.enum(ITEM_STATUSES) });
export const EscalateInput = z.object({
  ...base,
  version: Version,
  reason: z.string().trim().min(3).max(1000),
});
/** Extends the answer period of an appeal once (59-ФЗ art. 12 part 2), the citizen notified. */
export const ExtendInput = z.object({
  ...base,
  version: Version,
  days: z.number().int().positive().max(365),
  reason: z.string().trim().min(3).max(1000),
});
/** Records an interim answer; an incident's final-answer clock starts from it. */
export const InterimInput = z.object({ ...base, version: Version, text: z.string().trim().min(1).max(4000) });
/** Returns an item one step down the ladder; only people on its current step may. */
export const DeescalateInput = z.object({ ...base, version: Version, reason: z.string().trim().min(3).max(1000) });
export type ExtendInput = z.infer<typeof ExtendInput>;
export type InterimInput = z.infer<typeof InterimInput>;
export type DeescalateInput = z.infer<typeof DeescalateInput>;
export type ClaimInput = z.infer<typeof ClaimInput>;
export type ReleaseInput = z.infer<typeof ReleaseInput>;
export type CommentInput = z.infer<typeof CommentInput>;
export type CategoriseInput = z.infer<typeof CategoriseInput>;
export type ChangeStatusInput = z.infer<typeof ChangeStatusInput>;
export type EscalateInput = z.infer<typeof EscalateInput>;

/** What every item mutation answers: the item as it now stands and the event seq it produced. */
export const MutationResult = z.object({ item: ItemDto, seq: z.number().int() });
export type MutationResult = z.infer<typeof MutationResult>;

export const ItemListQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  q: z.string().max(200).optional(),
  includeClosedDays: z.coerce.number().int().min(0).max(365).default(7),
  limit: z.coerce.number().int().min(1).max(20000).default(20000),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

/** A snapshot of items and the event seq it reflects; apply events with seq > `seq` on top. */
export const ItemSnapshot = z.object({ seq: z.number().int(), now: z.string(), items: z.array(ItemDto) });
export type ItemSnapshot = z.infer<typeof ItemSnapshot>;

// ---- ingest ----

export const IngestItem = z.object({
  externalId: z.string().min(1).max(200),
  kind: z.enum(ITEM_KINDS),
  channel: z.enum(CHANNELS),
  title: z.string().max(300).optional(),
  text: z.string().min(1).max(20000),
  authorName: z.string().max(255).nullable().optional(),
  link: z.string().url().max(2000).nullable().optional(),
  sector: z.enum(SECTORS).nullable().optional(),
  categoryCode: z.string().max(100).nullable().optional(),
  territoryCode: z.string().max(100).nullable().optional(),
  address: z.string().max(500).nullable().optional(),
  receivedAt: z.string().datetime({ offset: true }).optional(),
  /** Incidents: high importance has the shorter first-answer period. */
  importance: z.enum(INCIDENT_IMPORTANCE).optional(),
});
export type IngestItem = z.infer<typeof IngestItem>;
export const IngestBatch = z.object({ items: z.array(IngestItem).min(1).max(500) });
export type IngestBatch = z.infer<typeof IngestBatch>;
export const IngestResult = z.object({
  results: z.array(
    z.object({ externalId: z.string(), id: Id, created: z.boolean() }),
  ),
});
export type IngestResult = z.infer<typeof IngestResult>;

// ---- auth and directory ----

export const LoginInput = z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof LoginInput>;
export const MeDto = z.object({
  id: Id,
  login: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  departmentId: Id.nullable(),
  sectors: z.array(z.enum(SECTORS)),
});
export type MeDto = z.infer<typeof MeDto>;

/** A body or organisation in the directory, as routing and the item card need it. */
export const DepartmentDto = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  sectors: z.array(z.enum(SECTORS)),
  /** Territories it covers; empty means all. */
  territoryIds: z.array(Id),
  active: z.boolean(),
});
export type DepartmentDto = z.infer<typeof DepartmentDto>;

export const DirectoryDto = z.object({
  categories: z.array(z.object({ id: Id, sector: z.enum(SECTORS), code: z.string(), name: z.string() })),
  territories: z.array(z.object({ id: Id, code: z.string(), municipality: z.string(), district: z.string().nullable() })),
  departments: z.array(DepartmentDto),
  users: z.array(
    z.object({ id: Id, login: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), departmentId: Id.nullable() }),
  ),
  /** Routing rules (category × territory → responsible body); resolve with `resolveRoute`. */
  routingRules: z.array(
    z.object({
      id: Id,
      sector: z.enum(SECTORS),
      categoryId: Id.nullable(),
      territoryId: Id.nullable(),
      departmentId: Id,
    }),
  ),
});
export type DirectoryDto = z.infer<typeof DirectoryDto>;
