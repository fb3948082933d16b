import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, canEditDirectory, canReadDirectoryAdmin, type RuleIssue } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';

/** Refuses reading the directory's administration to anyone but administrators, heads and sector leads. */
export function requireDirectoryReader(actor: Actor): void {
  if (!canReadDirectoryAdmin(actor.roles)) {
    throw new AppError('forbidden', 'Справочник органов и правила маршрутизации доступны администратору, руководителю и ответственным за отраслевые блоки');
  }
}

/**
 * One directory change: administrators only, one transaction with its audit rows. A unique
 * index refusing the change (a code or a rule that already exists) answers `duplicate`.
 */
export async function directoryChange<T>(orm: Orm, actor: Actor, duplicateMessage: string, work: (em: Em) => Promise<T>): Promise<T> {
  if (!canEditDirectory(actor.roles)) throw new AppError('forbidden', 'Изменять справочник органов и правила маршрутизации может только администратор');
  try {
    return await orm.em.fork().transactional(work);
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new AppError('duplicate', duplicateMessage);
    throw e;
  }
}

/** Refuses a write made against a version someone else has already changed. */
export function checkVersion(current: { version: number }, seen: number, what: string): void {
  if (current.version !== seen) {
    throw new AppError('conflict', `${what}: запись уже изменена другим администратором. Обновите и повторите.`, {
      currentVersion: current.version,
      seenVersion: seen,
    });
  }
}

export const RULE_ISSUE_TEXT: Record<RuleIssue, string> = {
  category_sector: 'категория не относится к направлению правила',
  department_inactive: 'орган отключён',
  department_sector: 'орган не ведает этим направлением',
  department_territory: 'орган не охватывает территорию правила (для органа, охватывающего часть территорий, правило указывает одну из них)',
};
