import type { Em } from '../../db/orm.js';
import { User } from '../auth/user.entity.js';
import { Territory } from '../directory/directory.entity.js';
import { SavedView } from './entities.js';

/** The demo centre's shared views, kept by the sector lead (`me` means whoever applies the view). */
export async function seedSharedViews(em: Em): Promise<void> {
  const [owner, central] = await Promise.all([
    em.findOne(User, { login: 'sector_lead' }),
    em.findOne(Territory, { code: 'kursk.central' }),
  ]);
  if (!owner) return;
  const views = [
    { name: 'Мои просроченные', query: '?assignee=me&risk=overdue' },
    { name: 'Новые без исполнителя', query: '?status=new&assignee=none' },
    { name: 'Эскалировано мне', query: '?escalation=me' },
    { name: 'ЖКХ: срок под угрозой', query: '?sector=housing&risk=at_risk' },
    ...(central ? [{ name: 'ТКО — Центральный округ Курска', query: `?sector=waste&territory=${central.id}` }] : []),
  ];
  for (const v of views) em.create(SavedView, { ownerId: owner.id, shared: true, ...v });
  await em.flush();
}
