import { z } from 'zod';
import { RISK_STATES } from '../domain/deadlines/risk.js';
import { ESCALATION_LEVELS, ITEM_STATUSES, SECTORS } from '../domain/enums.js';
import type { Ack } from './errors.js';
import type { NotificationDto } from './escalation.js';
import type { ImportProgress } from './import.js';
import type { MeetingClientToServerEvents, MeetingServerToClientEvents } from './meetings.js';
import {
  CategoriseInput,
  ChangeStatusInput,
  ClaimInput,
  CommentDto,
  CommentInput,
  DeescalateInput,
  EscalateInput,
  ExtendInput,
  Id,
  InterimInput,
  ItemDto,
  ReleaseInput,
  UserRef,
  type MutationResult,
} from './items.js';
import {
  ApproveAnswerInput,
  BulkInput,
  CloseInput,
  DeclineExtensionInput,
  ItemTypingInput,
  RateInput,
  RequestExtensionInput,
  ReturnAnswerInput,
  RouteInput,
  SaveAnswerInput,
  SubmitAnswerInput,
  WORKFLOW_EVENTS,
  type BulkResult,
  type ItemTyping,
} from './workflow.js';

/** Event types in the append-only log, with what each one's `data` holds. */
export const ItemEventData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item.created') }),
  z.object({ type: z.literal('item.claimed'), assignee: UserRef }),
  z.object({ type: z.literal('item.released'), previous: UserRef.nullable() }),
  z.object({ type: z.literal('item.commented'), comment: CommentDto }),
  z.object({
    type: z.literal('item.categorised'),
    sector: z.enum(SECTORS),
    categoryId: Id.nullable(),
  }),
  z.object({ type: z.literal('item.status_changed'), from: z.enum(ITEM_STATUSES), to: z.enum(ITEM_STATUSES) }),
  z.object({
    type: z.literal('item.escalated'),
    from: z.enum(ESCALATION_LEVELS),
    to: z.enum(ESCALATION_LEVELS),
    reason: z.string(),
    /** Set when the deadline scheduler escalated it (the reason then says which threshold). */
    auto: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('item.deescalated'),
    from: z.enum(ESCALATION_LEVELS),
    to: z.enum(ESCALATION_LEVELS),
    reason: z.string(),
  }),
  z.object({ type: z.literal('item.risk_changed'), from: z.enum(RISK_STATES), to: z.enum(RISK_STATES), auto: z.literal(true) }),
  z.object({ type: z.literal('item.extended'), days: z.number().int(), reason: z.string() }),
  z.object({ type: z.literal('item.interim_answered'), text: z.string() }),
  ...WORKFLOW_EVENTS,
]);
export type ItemEventData = z.infer<typeof ItemEventData>;
export type ItemEventType = ItemEventData['type'];

/** One row of the event log as clients receive it; `item` is the item after the change. */
export const ItemEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: UserRef.nullable(),
  itemId: Id,
  data: ItemEventData,
  item: ItemDto,
});
export type ItemEvent = z.infer<typeof ItemEvent>;

export const SyncInput = z.object({ sinceSeq: z.number().int().nonnegative() });
/** Missed events in seq order, or `reload` when the gap is too large to replay. */
export const SyncResult = z.object({
  events: z.array(ItemEvent),
  seq: z.number().int(),
  reload: z.boolean(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const ViewInput = z.object({ itemId: Id.nullable() });

export const Presence = z.object({ itemId: Id, viewers: z.array(UserRef) });
export type Presence = z.infer<typeof Presence>;
export const OnlineUsers = z.object({ users: z.array(UserRef) });
export type OnlineUsers = z.infer<typeof OnlineUsers>;
export const Hello = z.object({ now: z.string(), seq: z.number().int(), nodeId: z.string() });
export type Hello = z.infer<typeof Hello>;

type AckFn<T> = (ack: Ack<T>) => void;

/**
 * Events the client sends; every payload is parsed with the schema named in C2S_SCHEMAS
 * (MEETING_C2S_SCHEMAS for the meeting events).
 */
export interface ClientToServerEvents extends MeetingClientToServerEvents {
  'item:claim': (input: z.input<typeof ClaimInput>, ack: AckFn<MutationResult>) => void;
  'item:release': (input: z.input<typeof ReleaseInput>, ack: AckFn<MutationResult>) => void;
  'item:comment': (input: z.input<typeof CommentInput>, ack: AckFn<MutationResult>) => void;
  'item:categorise': (input: z.input<typeof CategoriseInput>, ack: AckFn<MutationResult>) => void;
  'item:status': (input: z.input<typeof ChangeStatusInput>, ack: AckFn<MutationResult>) => void;
  'item:escalate': (input: z.input<typeof EscalateInput>, ack: AckFn<MutationResult>) => void;
  'item:deescalate': (input: z.input<typeof DeescalateInput>, ack: AckFn<MutationResult>) => void;
  'item:extend': (input: z.input<typeof ExtendInput>, ack: AckFn<MutationResult>) => void;
  'item:interim': (input: z.input<typeof InterimInput>, ack: AckFn<MutationResult>) => void;
  'item:route': (input: z.input<typeof RouteInput>, ack: AckFn<MutationResult>) => void;
  'item:answer_save': (input: z.input<typeof SaveAnswerInput>, ack: AckFn<MutationResult>) => void;
  'item:answer_submit': (input: z.input<typeof SubmitAnswerInput>, ack: AckFn<MutationResult>) => void;
  'item:answer_return': (input: z.input<typeof ReturnAnswerInput>, ack: AckFn<MutationResult>) => void;
  'item:answer_approve': (input: z.input<typeof ApproveAnswerInput>, ack: AckFn<MutationResult>) => void;
  'item:extension_request': (input: z.input<typeof RequestExtensionInput>, ack: AckFn<MutationResult>) => void;
  'item:extension_decline': (input: z.input<typeof DeclineExtensionInput>, ack: AckFn<MutationResult>) => void;
  'item:close': (input: z.input<typeof CloseInput>, ack: AckFn<MutationResult>) => void;
  'item:rate': (input: z.input<typeof RateInput>, ack: AckFn<MutationResult>) => void;
  'item:bulk': (input: z.input<typeof BulkInput>, ack: AckFn<BulkResult>) => void;
  /** Ephemeral: tells the item's viewers that the person is typing a comment or an answer. */
  'item:typing': (input: z.input<typeof ItemTypingInput>, ack: AckFn<null>) => void;
  'item:view': (input: z.input<typeof ViewInput>, ack: AckFn<Presence | null>) => void;
  sync: (input: z.input<typeof SyncInput>, ack: AckFn<SyncResult>) => void;
}

export const C2S_SCHEMAS = {
  'item:claim': ClaimInput,
  'item:release': ReleaseInput,
  'item:comment': CommentInput,
  'item:categorise': CategoriseInput,
  'item:status': ChangeStatusInput,
  'item:escalate': EscalateInput,
  'item:deescalate': DeescalateInput,
  'item:extend': ExtendInput,
  'item:interim': InterimInput,
  'item:route': RouteInput,
  'item:answer_save': SaveAnswerInput,
  'item:answer_submit': SubmitAnswerInput,
  'item:answer_return': ReturnAnswerInput,
  'item:answer_approve': ApproveAnswerInput,
  'item:extension_request': RequestExtensionInput,
  'item:extension_decline': DeclineExtensionInput,
  'item:close': CloseInput,
  'item:rate': RateInput,
  'item:bulk': BulkInput,
  'item:typing': ItemTypingInput,
  'item:view': ViewInput,
  sync: SyncInput,
} as const satisfies Record<Exclude<keyof ClientToServerEvents, keyof MeetingClientToServerEvents>, z.ZodType>;

/** Events the server sends. */
export interface ServerToClientEvents extends MeetingServerToClientEvents {
  hello: (hello: Hello) => void;
  'item:event': (event: ItemEvent) => void;
  'presence:item': (presence: Presence) => void;
  'presence:online': (online: OnlineUsers) => void;
  /** To the item's viewers: someone is typing (repeat while typing; show for ~4 s). */
  'presence:typing': (typing: ItemTyping) => void;
  /** To the room `user:<id>`: an escalation reached the person, or an item on their step is at risk. */
  'notification:new': (notification: NotificationDto) => void;
  /** To the room `user:<id>`: how far the person's import run has got. */
  'import:progress': (progress: ImportProgress) => void;
  /** To everyone: an administrator changed the directory (bodies, executors, routing rules); refetch it. */
  'directory:changed': (change: DirectoryChanged) => void;
}

/** Sent after a directory change commits: when (the node's clock) and by whom. */
export const DirectoryChanged = z.object({ at: z.string(), byUserId: z.number().int().positive() });
export type DirectoryChanged = z.infer<typeof DirectoryChanged>;

/** GET /api/items/:id: the item, its comments and its timeline from the event log, oldest first. */
export const ItemDetail = z.object({
  item: ItemDto,
  comments: z.array(CommentDto),
  events: z.array(ItemEvent),
});
export type ItemDetail = z.infer<typeof ItemDetail>;
