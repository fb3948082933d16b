import { extractMentions, mayBeMentioned, mentionedLogins } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';
import type { Item } from '../items/item.entity.js';
import { writeNotifications, type PendingNotice } from '../notifications/notifications.service.js';

const EXCERPT = 120;
/** More distinct @logins than this in one comment are not looked up. */
const MAX_MENTIONS = 20;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/**
 * Notifies the people a comment @mentions, inside the comment's transaction: only those who
 * may see the item (executors: their department's), never the author. Send the returned
 * notices after commit.
 */
export async function notifyMentions(em: Em, item: Item, author: Actor, text: string, at: Date): Promise<PendingNotice[]> {
  const logins = mentionedLogins(text).slice(0, MAX_MENTIONS);
  if (logins.length === 0) return [];
  // ilike ignores case (its `_` wildcard may over-fetch; extractMentions compares exactly).
  const candidates = await em.find(
    User,
    { active: true, $or: logins.map((login) => ({ login: { $ilike: login } })) },
    { fields: ['id', 'login', 'roles', 'departmentId'] },
  );
  const mentioned = extractMentions(text, candidates, author.id).filter((u) =>
    mayBeMentioned({ roles: u.roles, departmentId: u.departmentId ?? null }, { departmentId: item.departmentId ?? null }),
  );
  if (mentioned.length === 0) return [];
  return writeNotifications(
    em,
    [{ userIds: mentioned.map((u) => u.id), itemId: item.id, kind: 'mentioned', text: `${author.name} упомянул(а) вас в №${item.id}: ${excerpt(text)}` }],
    at,
  );
}
