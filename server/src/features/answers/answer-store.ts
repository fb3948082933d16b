import { AppError, readdressText, type AnswerItem } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Item } from '../items/item.entity.js';
import { AnswerAttachment, Attachment, ItemAnswer } from './answer.entity.js';

export const loadAnswer = (em: Em, itemId: number): Promise<ItemAnswer | null> => em.findOne(ItemAnswer, { itemId });

/**
 * Links the given files to the item's answer, in order, replacing what it carried. A file must
 * have been uploaded for this item or already be on its answer (a duplicate's from its main).
 */
export async function setAnswerAttachments(em: Em, itemId: number, attachmentIds: readonly number[]): Promise<void> {
  const wanted = [...new Set(attachmentIds)];
  const current = await em.find(AnswerAttachment, { itemId });
  const linked = new Set(current.map((l) => l.attachmentId));
  const fresh = wanted.filter((id) => !linked.has(id));
  if (fresh.length > 0) {
    const own = await em.find(Attachment, { id: { $in: fresh }, itemId }, { fields: ['id'] });
    const missing = fresh.filter((id) => !own.some((a) => a.id === id));
    if (missing.length > 0) throw new AppError('validation', 'Вложение не найдено среди файлов этого сообщения', { field: 'attachmentIds', missing });
  }
  for (const link of current) em.remove(link);
  await em.flush();
  wanted.forEach((attachmentId, position) => em.create(AnswerAttachment, { itemId, attachmentId, position }));
}

/** The main item's answer, as the duplicate takes it: same text, files and state; sent through the duplicate's own channel. */
export async function copyAnswer(em: Em, main: Item, follower: Item, at: Date): Promise<void> {
  const source = await loadAnswer(em, main.id);
  if (!source) return;
  const own = await loadAnswer(em, follower.id);
  const approved = source.state === 'approved';
  const alreadySent = own?.state === 'approved' && own.fromItemId === main.id;
  const fields = {
    // The main item's citizen is not the duplicate's: their name never goes to someone else.
    text: readdressText(source.text, main.authorName ?? null, follower.authorName ?? null),
    authorId: source.authorId,
    state: source.state,
    updatedAt: at,
    fromItemId: main.id,
    sentAt: approved ? (alreadySent ? own.sentAt : at) : (own?.sentAt ?? null),
    sentVia: approved ? follower.channel : (own?.sentVia ?? null),
  };
  if (own) Object.assign(own, fields);
  else em.create(ItemAnswer, { itemId: follower.id, ...fields });
  const links = await em.find(AnswerAttachment, { itemId: main.id }, { orderBy: { position: 'asc' } });
  for (const link of await em.find(AnswerAttachment, { itemId: follower.id })) em.remove(link);
  await em.flush();
  for (const link of links) em.create(AnswerAttachment, { itemId: follower.id, attachmentId: link.attachmentId, position: link.position });
}

/** A reopened item's answer goes back to a draft: the text stays, to rework it. */
export async function reopenAnswer(em: Em, itemId: number, at: Date): Promise<void> {
  const answer = await loadAnswer(em, itemId);
  if (answer && answer.state !== 'draft') {
    answer.state = 'draft';
    answer.updatedAt = at;
  }
}

/** Marks the item changed, so its version moves even when only its answer did. */
export function touch(item: Item, at: Date): void {
  item.updatedAt = new Date(Math.max(at.getTime(), item.updatedAt.getTime() + 1));
}

/** What the answer rules in shared/ look at, from the item and its answer. */
export function answerFacts(item: Item, answer: ItemAnswer | null): AnswerItem {
  return {
    kind: item.kind,
    status: item.status,
    departmentId: item.departmentId ?? null,
    mergedIntoId: item.mergedIntoId ?? null,
    answer: answer ? { state: answer.state, authorId: answer.authorId, text: answer.text } : null,
  };
}
