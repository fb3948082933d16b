import { LockMode } from '@mikro-orm/core';
import { AppError, itemScopeFor, type ItemScope } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { EventRow } from '../events/event.entity.js';
import { Item } from './item.entity.js';

export const scopeOf = (actor: Actor): ItemScope => itemScopeFor(actor.roles, actor.departmentId);

/** Whether the actor may see this item at all (executors: only their department's). */
export function canSee(scope: ItemScope, item: Pick<Item, 'departmentId'>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'department':
      return scope.departmentId != null && item.departmentId === scope.departmentId;
    case 'none':
      return false;
    default: {
      const never: never = scope;
      return never;
    }
  }
}

const notFound = () => new AppError('not_found', 'Запись не найдена или недоступна');

/** Loads an item the actor may see, locked for update when `lock` is set. */
export async function loadVisibleItem(em: Em, actor: Actor, itemId: number, lock = false): Promise<Item> {
  const item = await em.findOne(
    Item,
    { id: itemId },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  // Invisible and missing look the same, so an executor cannot probe other departments.
  if (!item || !canSee(scopeOf(actor), item)) throw notFound();
  return item;
}

const EVENT_VERBS: Record<string, string> = {
  'item.created': 'создал(а)',
  'item.claimed': 'взял(а) в работу',
  'item.released': 'освободил(а)',
  'item.commented': 'прокомментировал(а)',
  'item.categorised': 'изменил(а) категорию',
  'item.status_changed': 'изменил(а) статус',
  'item.escalated': 'эскалировал(а)',
  'item.deescalated': 'вернул(а) на ступень ниже',
  'item.risk_changed': 'отметил(а) состояние срока',
  'item.extended': 'продлил(а) срок',
  'item.interim_answered': 'дал(а) промежуточный ответ',
  'item.answer_saved': 'сохранил(а) ответ',
  'item.answer_submitted': 'отправил(а) ответ на проверку',
  'item.answer_returned': 'вернул(а) ответ на доработку',
  'item.answer_approved': 'одобрил(а) ответ',
  'item.extension_requested': 'запросил(а) продление',
  'item.extension_declined': 'отклонил(а) запрос продления',
  'item.closed': 'закрыл(а)',
  'item.followed_main': 'обновил(а) основное сообщение',
  'item.rated': 'внёс(ла) оценку',
};

/** Refuses a stale write, saying who changed the item last and how. */
export async function assertVersion(em: Em, item: Item, seen: number | undefined): Promise<void> {
  if (seen === undefined || item.version === seen) return;
  const last = await em.findOne(EventRow, { itemId: item.id }, { orderBy: { seq: 'desc' } });
  const who = last?.actorName ?? 'система';
  const what = last ? (EVENT_VERBS[last.type] ?? last.type) : 'изменил(а)';
  throw new AppError('conflict', `Запись уже изменена: ${who} ${what}. Обновите карточку и повторите.`, {
    currentVersion: item.version,
    seenVersion: seen,
    lastChange: last ? { actor: last.actorName, type: last.type, at: last.at.toISOString() } : null,
  });
}
