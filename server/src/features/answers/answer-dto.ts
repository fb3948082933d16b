import type { AnswerState, AttachmentDto, Channel, ItemAnswerDto, UserRef } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Attachment } from './answer.entity.js';

export const toAttachmentDto = (a: Pick<Attachment, 'id' | 'name' | 'size' | 'mime'>): AttachmentDto => ({
  id: a.id,
  name: a.name,
  size: a.size,
  mime: a.mime,
});

/** A Postgres int[] literal: one bound parameter however many ids (a 20k snapshot included). */
export const intArray = (ids: Iterable<number>): string => `{${[...ids].join(',')}}`;

const iso = (v: Date | string): string => new Date(v).toISOString();

/** An answer row as the DTO loader reads it (plain SQL: no entity hydration for big snapshots). */
export interface AnswerRow {
  item_id: number;
  text: string;
  author_id: number;
  state: AnswerState;
  updated_at: Date | string;
  sent_at: Date | string | null;
  sent_via: Channel | null;
  from_item_id: number | null;
}

/** The answers of the given items (one query), keyed by item id. */
export async function answerRowsOf(em: Em, itemIds: readonly number[]): Promise<Map<number, AnswerRow>> {
  if (itemIds.length === 0) return new Map();
  const rows = await em.execute<AnswerRow[]>(
    'select item_id, text, author_id, state, updated_at, sent_at, sent_via, from_item_id from item_answer where item_id = any(?::int[])',
    [intArray(itemIds)],
  );
  return new Map(rows.map((r) => [r.item_id, r]));
}

/** The files of the given items' answers, in order (one query; file contents not read). */
export async function answerAttachmentsOf(em: Em, itemIds: readonly number[]): Promise<Map<number, AttachmentDto[]>> {
  const byItem = new Map<number, AttachmentDto[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await em.execute<{ item_id: number; id: number; name: string; size: number; mime: string }[]>(
    `select l.item_id, f.id, f.name, f.size, f.mime from answer_attachment l join attachment f on f.id = l.attachment_id
     where l.item_id = any(?::int[]) order by l.item_id, l.position`,
    [intArray(itemIds)],
  );
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    list.push(toAttachmentDto(r));
    byItem.set(r.item_id, list);
  }
  return byItem;
}

export function toAnswerDto(row: AnswerRow, attachments: AttachmentDto[], users: Map<number, UserRef>): ItemAnswerDto {
  return {
    text: row.text,
    attachments,
    author: users.get(row.author_id) ?? { id: row.author_id, name: '' },
    state: row.state,
    updatedAt: iso(row.updated_at),
    sentAt: row.sent_at == null ? null : iso(row.sent_at),
    sentVia: row.sent_via ?? null,
    fromItemId: row.from_item_id ?? null,
  };
}
