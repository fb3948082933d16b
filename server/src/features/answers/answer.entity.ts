import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AnswerState, Channel } from '@okno/shared';

/**
 * An item's answer to the citizen and where it stands in quality control. The item's own
 * version guards concurrent edits (mutations lock the item row); `version` counts saves.
 */
export const ItemAnswer = defineEntity({
  name: 'ItemAnswer',
  tableName: 'item_answer',
  properties: {
    itemId: p.integer().primary(),
    text: p.text(),
    authorId: p.integer(),
    state: p.string().$type<AnswerState>(),
    updatedAt: p.datetime(),
    /** When the last approved answer was recorded as sent, and through which channel. */
    sentAt: p.datetime().nullable(),
    sentVia: p.string().$type<Channel>().nullable(),
    /** Set on a duplicate: the main item this answer was taken from. */
    fromItemId: p.integer().nullable(),
    version: p.integer().version(),
  },
});
export type ItemAnswer = InferEntity<typeof ItemAnswer>;

/** A file uploaded for an item's answer; `data` loads only when downloaded. */
export const Attachment = defineEntity({
  name: 'Attachment',
  properties: {
    id: p.integer().primary(),
    itemId: p.integer().index(),
    name: p.string(),
    mime: p.string(),
    size: p.integer(),
    data: p.blob().lazy(),
    uploadedBy: p.integer(),
    createdAt: p.datetime(),
  },
});
export type Attachment = InferEntity<typeof Attachment>;

/** Which files an item's answer carries, in order. */
export const AnswerAttachment = defineEntity({
  name: 'AnswerAttachment',
  tableName: 'answer_attachment',
  properties: {
    itemId: p.integer().primary(),
    attachmentId: p.integer().primary(),
    position: p.integer(),
  },
});
export type AnswerAttachment = InferEntity<typeof AnswerAttachment>;
