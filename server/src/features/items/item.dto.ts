import { maskPersonName, personalDataMasker, type ItemAnswerDto, type ItemDeadlinesDto, type ItemDto, type ItemRatingDto, type UserRef } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { User } from '../auth/user.entity.js';
import type { Item, StoredDeadlines } from './item.entity.js';

/** Names of the given users, for assignee references in DTOs. */
export async function userRefs(em: Em, ids: Iterable<number | null | undefined>): Promise<Map<number, UserRef>> {
  const unique = [...new Set([...ids].filter((id): id is number => id != null))];
  if (unique.length === 0) return new Map();
  const users = await em.find(User, { id: { $in: unique } }, { fields: ['id', 'name'] });
  return new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
}

/** What an item's DTO carries from elsewhere: its source's code, its assignee, answer and latest rating. */
export interface ItemDtoParts {
  source: string;
  assignee: UserRef | null;
  answer: ItemAnswerDto | null;
  rating: ItemRatingDto | null;
}

type Time = Date | string;
const iso = (t: Time): string => (typeof t === 'string' ? t : t.toISOString());

/**
 * The item columns a DTO is made of: a loaded entity, or a row read straight from SQL for a big
 * snapshot (times then already ISO strings, see snapshot-rows.ts).
 */
export type ItemFields = Pick<
  Item,
  | 'id'
  | 'kind'
  | 'channel'
  | 'externalId'
  | 'title'
  | 'text'
  | 'authorName'
  | 'link'
  | 'sector'
  | 'categoryId'
  | 'territoryId'
  | 'address'
  | 'status'
  | 'departmentId'
  | 'escalationLevel'
  | 'version'
  | 'importance'
  | 'deadlines'
  | 'riskState'
  | 'extendedDays'
  | 'returnCount'
  | 'extensionRequest'
  | 'closeResult'
  | 'mergedIntoId'
> & { receivedAt: Time; updatedAt: Time; interimAnsweredAt?: Time | null; reopenedAt?: Time | null };

// Field by field: spreading the stored JSON (parsed by the driver) and then overriding one of its keys
// took V8's slow path, 70 ms against 2 ms over a 20k-item snapshot (measured).
function deadlinesDto(item: ItemFields, d: StoredDeadlines): ItemDeadlinesDto {
  return {
    policyId: d.policyId,
    clock: d.clock,
    threshold: d.threshold,
    startedAt: d.startedAt,
    atRiskAt: d.atRiskAt,
    dueAt: d.dueAt,
    riskState: item.riskState,
    answerDue: d.answerDue,
    registerDue: d.registerDue,
    redirectDue: d.redirectDue,
    finalDue: d.finalDue,
    extendedDays: item.extendedDays,
    extensionAvailableDays: item.extendedDays > 0 ? null : d.extensionAvailableDays,
    interimAnsweredAt: item.interimAnsweredAt != null ? iso(item.interimAnsweredAt) : null,
    reopenedAt: item.reopenedAt != null ? iso(item.reopenedAt) : null,
  };
}

export function toItemDto(item: ItemFields, parts: ItemDtoParts): ItemDto {
  return {
    id: item.id,
    kind: item.kind,
    channel: item.channel,
    source: parts.source,
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
    assignee: parts.assignee,
    departmentId: item.departmentId ?? null,
    escalationLevel: item.escalationLevel,
    receivedAt: iso(item.receivedAt),
    updatedAt: iso(item.updatedAt),
    version: item.version,
    importance: item.importance,
    deadlines: item.deadlines ? deadlinesDto(item, item.deadlines) : null,
    returnCount: item.returnCount,
    answer: parts.answer,
    extensionRequest: item.extensionRequest ?? null,
    closeResult: item.closeResult ?? null,
    mergedIntoId: item.mergedIntoId ?? null,
    rating: parts.rating,
  };
}

/**
 * The item as a role without a need for citizens' personal data sees it: the name to initials,
 * no link to the post, and the name and phones masked inside the post and the answer to them.
 */
export function maskItem(item: ItemDto): ItemDto {
  const inText = personalDataMasker(item.authorName);
  return {
    ...item,
    authorName: maskPersonName(item.authorName),
    link: null,
    title: inText(item.title),
    text: inText(item.text),
    answer: item.answer && { ...item.answer, text: inText(item.answer.text) },
  };
}
