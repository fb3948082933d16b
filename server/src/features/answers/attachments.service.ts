import { AppError, checkSaveAnswer, type AttachmentDto } from '@okno/shared';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { canSee, loadVisibleItem, scopeOf } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { AnswerAttachment, Attachment } from './answer.entity.js';
import { toAttachmentDto } from './answer-dto.js';
import { answerFacts, loadAnswer } from './answer-store.js';
import { refuseAnswer } from './refusals.js';

/** The largest file an answer may carry. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const tooLarge = () => new AppError('too_large', 'Файл больше 10 МБ — приложите файл поменьше', { maxBytes: MAX_ATTACHMENT_BYTES });

/** A file name without any path, at most 255 characters. */
const cleanName = (name: string): string =>
  [...(name.split(/[\\/]/).pop() ?? '')].filter((ch) => ch.charCodeAt(0) >= 32).join('').trim().slice(-255) || 'файл';

/**
 * Stores a file for the item's answer; whoever may save the answer may upload. The file joins
 * the answer when the answer is saved with its id.
 */
export async function uploadAttachment(deps: { orm: Orm; clock: Clock }, actor: Actor, itemId: number, file: File): Promise<AttachmentDto> {
  if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
  const em = deps.orm.em.fork();
  const item = await loadVisibleItem(em, actor, itemId);
  refuseAnswer(checkSaveAnswer(actor, answerFacts(item, await loadAnswer(em, item.id))));
  const data = Buffer.from(await file.arrayBuffer());
  if (data.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
  const row = em.create(Attachment, {
    itemId: item.id,
    name: cleanName(file.name),
    mime: (file.type || 'application/octet-stream').slice(0, 255),
    size: data.length,
    data,
    uploadedBy: actor.id,
    createdAt: deps.clock(),
  });
  await em.flush();
  return toAttachmentDto(row);
}

/** A file with its contents, for whoever may see an item it was uploaded for or that carries it. */
export async function downloadAttachment(orm: Orm, actor: Actor, id: number): Promise<{ name: string; mime: string; data: Uint8Array }> {
  const em = orm.em.fork();
  const notFound = new AppError('not_found', 'Файл не найден или недоступен');
  const file = await em.findOne(Attachment, { id }, { populate: ['data'] });
  if (!file) throw notFound;
  const links = await em.find(AnswerAttachment, { attachmentId: id }, { fields: ['itemId', 'attachmentId'] });
  const itemIds = [...new Set([file.itemId, ...links.map((l) => l.itemId)])];
  const items = await em.find(Item, { id: { $in: itemIds } }, { fields: ['id', 'departmentId'] });
  const scope = scopeOf(actor);
  if (!items.some((i) => canSee(scope, i))) throw notFound;
  return { name: file.name, mime: file.mime, data: file.data };
}
