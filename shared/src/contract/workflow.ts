import { z } from 'zod';
import { CHANNELS, CLOSE_RESULTS, RATING_SOURCES, SECTORS } from '../domain/enums.js';
import { Id, ItemDto, MutationId, UserRef, Version } from './items.js';

/**
 * The operator's workflow after claiming: routing to a department, the answer and its quality
 * control, closing with a result, the citizen's rating, and bulk actions. Every mutation takes
 * the same payload over REST and the socket, like the item mutations in items.ts.
 */
const base = { mutationId: MutationId, itemId: Id };
const reason = z.string().trim().min(3).max(1000);

// ---- routing ----

/** Routes (or re-routes, with a reason) an item to the responsible body. */
export const RouteInput = z.object({ ...base, version: Version, departmentId: Id, reason: reason.optional() });
export type RouteInput = z.infer<typeof RouteInput>;

// ---- answers and quality control ----

/** Saves the answer draft (text and attachments uploaded beforehand). */
export const SaveAnswerInput = z.object({
  ...base,
  version: Version,
  text: z.string().max(20000),
  attachmentIds: z.array(Id).max(20).default([]),
});
export type SaveAnswerInput = z.infer<typeof SaveAnswerInput>;
/** Sends the saved draft for review by the operator or sector lead. */
export const SubmitAnswerInput = z.object({ ...base, version: Version });
export type SubmitAnswerInput = z.infer<typeof SubmitAnswerInput>;
/** Returns the answer for rework with what to fix. */
export const ReturnAnswerInput = z.object({ ...base, version: Version, comment: reason });
export type ReturnAnswerInput = z.infer<typeof ReturnAnswerInput>;
/** Approves the answer: it is recorded as sent to the citizen through the item's channel. */
export const ApproveAnswerInput = z.object({ ...base, version: Version });
export type ApproveAnswerInput = z.infer<typeof ApproveAnswerInput>;
/** An executor asks for more time; a lead grants it with `item:extend`. */
export const RequestExtensionInput = z.object({ ...base, version: Version, days: z.number().int().positive().max(365), reason });
export type RequestExtensionInput = z.infer<typeof RequestExtensionInput>;
/** A lead declines the executor's pending request with a reason; the executor may ask again. */
export const DeclineExtensionInput = z.object({ ...base, version: Version, reason });
export type DeclineExtensionInput = z.infer<typeof DeclineExtensionInput>;

// ---- closing and rating ----

/** Closes with a result; `duplicate` needs the main item, `redirected` a note on where. */
export const CloseInput = z.object({
  ...base,
  version: Version,
  result: z.enum(CLOSE_RESULTS),
  mainItemId: Id.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type CloseInput = z.infer<typeof CloseInput>;
/** A call-centre operator enters the citizen's rating (the ingest API takes ratings too). */
export const RateInput = z.object({ ...base, score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() });
export type RateInput = z.infer<typeof RateInput>;
/** A rating arriving through the ingest API, by the item's external id at that source. */
export const IngestRating = z.object({
  externalId: z.string().min(1).max(200),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
});
export const IngestRatingBatch = z.object({ ratings: z.array(IngestRating).min(1).max(500) });
export const IngestRatingResult = z.object({
  results: z.array(z.object({ externalId: z.string(), ok: z.boolean(), itemId: Id.nullable(), code: z.string().optional(), message: z.string().optional() })),
});
export type IngestRatingResult = z.infer<typeof IngestRatingResult>;

// ---- bulk actions ----

export const BulkAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('claim') }),
  /** `departmentId: null` routes each item to its suggested body. */
  z.object({ action: z.literal('route'), departmentId: Id.nullable(), reason: reason.optional() }),
  z.object({ action: z.literal('categorise'), sector: z.enum(SECTORS), categoryId: Id.nullable() }),
  z.object({ action: z.literal('close_duplicate'), mainItemId: Id }),
]);
export type BulkAction = z.infer<typeof BulkAction>;
/** The most items one bulk action takes; the client refuses more before asking. */
export const BULK_MAX_ITEMS = 200;
/** One action on many items; each item is its own transaction, so some may be refused. */
export const BulkInput = z.object({
  mutationId: MutationId,
  itemIds: z
    .array(Id)
    .min(1, 'Не выбрано ни одной записи')
    .max(BULK_MAX_ITEMS, `Групповое действие выполняется не более чем для ${BULK_MAX_ITEMS} записей за раз`),
  do: BulkAction,
});
export type BulkInput = z.infer<typeof BulkInput>;
export const BulkItemResult = z.discriminatedUnion('ok', [
  z.object({ itemId: Id, ok: z.literal(true), item: ItemDto }),
  z.object({ itemId: Id, ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export const BulkResult = z.object({ results: z.array(BulkItemResult) });
export type BulkResult = z.infer<typeof BulkResult>;

// ---- typing indicator (ephemeral, never in the event log) ----

export const TYPING_FIELDS = ['comment', 'answer'] as const;
export const ItemTypingInput = z.object({ itemId: Id, field: z.enum(TYPING_FIELDS) });
export const ItemTyping = z.object({ itemId: Id, field: z.enum(TYPING_FIELDS), user: UserRef });
export type ItemTyping = z.infer<typeof ItemTyping>;

// ---- events the workflow adds to the item log (see events.ts) ----

export const WORKFLOW_EVENTS = [
  z.object({ type: z.literal('item.routed'), from: Id.nullable(), to: Id, reason: z.string().nullable(), suggested: z.boolean() }),
  z.object({ type: z.literal('item.answer_saved') }),
  z.object({ type: z.literal('item.answer_submitted') }),
  z.object({ type: z.literal('item.answer_returned'), comment: z.string(), count: z.number().int() }),
  z.object({ type: z.literal('item.answer_approved'), sentVia: z.enum(CHANNELS) }),
  z.object({ type: z.literal('item.extension_requested'), days: z.number().int(), reason: z.string() }),
  z.object({ type: z.literal('item.extension_declined'), reason: z.string() }),
  z.object({ type: z.literal('item.closed'), result: z.enum(CLOSE_RESULTS), mainItemId: Id.nullable(), note: z.string().nullable() }),
  /** A duplicate took on its main item's answer or status. */
  z.object({ type: z.literal('item.followed_main'), mainItemId: Id }),
  z.object({
    type: z.literal('item.rated'),
    score: z.number().int().min(1).max(5),
    comment: z.string().nullable(),
    source: z.enum(RATING_SOURCES),
    reopened: z.boolean(),
  }),
] as const;
