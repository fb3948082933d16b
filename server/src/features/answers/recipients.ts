import type { Em } from '../../db/orm.js';
import { User } from '../auth/user.entity.js';
import { loadStepPeople, stepRecipients } from '../escalation/recipients.js';
import type { Item } from '../items/item.entity.js';

/** The active executors of a department. */
export async function departmentExecutors(em: Em, departmentId: number | null): Promise<number[]> {
  if (departmentId == null) return [];
  const users = await em.find(User, { active: true, departmentId, roles: { $overlap: ['executor'] } }, { fields: ['id'] });
  return users.map((u) => u.id);
}

/** The leads of the item's sector (the head's office when nobody leads it). */
export async function sectorLeads(em: Em, item: Pick<Item, 'sector' | 'assigneeId'>): Promise<number[]> {
  return stepRecipients('sector_lead', item, await loadStepPeople(em));
}

/** Who checks a submitted answer: the operator holding the item, else the leads of its sector. */
export async function answerReviewers(em: Em, item: Pick<Item, 'sector' | 'assigneeId'>): Promise<number[]> {
  return item.assigneeId != null ? [item.assigneeId] : sectorLeads(em, item);
}
