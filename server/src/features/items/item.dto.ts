import { maskPersonName, type ItemDto, type UserRef } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { User } from '../auth/user.entity.js';
import type { Item } from './item.entity.js';

/** Names of the given users, for assignee references in DTOs. */
export async function userRefs(em: Em, ids: Iterable<number | null | undefined>): Promise<Map<number, UserRef>> {
  const unique = [...new Set([...ids].filter((id): id is number => id != null))];
  if (unique.length === 0) return new Map();
  const users = await em.find(User, { id: { $in: unique } }, { fields: ['id', 'name'] });
  return new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
}

export function toItemDto(item: Item, sourceCode: string, users: Map<number, UserRef>): ItemDto {
  return {
    id: item.id,
    kind: item.kind,
    channel: item.channel,
    source: sourceCode,
    externalId: item.externalId,
    title: item.title,
    text: item.text,
    authorName: item.authorName ?? null,
    link: item.link ?? null,
    sector: item.sector ?? null,
    categoryId: item.categoryId ?? null,
    territoryId: item.territoryId ?? null,
    address: item.address ?? null,
    status: item.status,
    assignee: item.assigneeId != null ? (users.get(item.assigneeId) ?? { id: item.assigneeId, name: '' }) : null,
    departmentId: item.departmentId ?? null,
    escalationLevel: item.escalationLevel,
    receivedAt: item.receivedAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
    importance: item.importance,
    deadlines: item.deadlines
      ? {
          ...item.deadlines,
          riskState: item.riskState,
          extendedDays: item.extendedDays,
          extensionAvailableDays: item.extendedDays > 0 ? null : item.deadlines.extensionAvailableDays,
          interimAnsweredAt: item.interimAnsweredAt?.toISOString() ?? null,
        }
      : null,
  };
}

/** The item as a role without a need for citizens' personal data sees it. */
export function maskItem(item: ItemDto): ItemDto {
  return { ...item, authorName: maskPersonName(item.authorName), link: null };
}
