import type { ItemDto, ItemEvent, UserRef } from '@okno/shared';

/** Test data builders for the replica's pure modules. */
export function makeItem(overrides: Partial<ItemDto> = {}): ItemDto {
  return {
    id: 1,
    kind: 'incident',
    channel: 'vk',
    source: 'vk.com/wall-1',
    externalId: 'ext-1',
    title: 'Не вывезли мусор',
    text: 'Третий день не вывозят контейнеры',
    authorName: 'Иванова Мария',
    link: null,
    sector: 'waste',
    categoryId: null,
    territoryId: null,
    address: 'ул. Ленина, 1',
    status: 'new',
    assignee: null,
    departmentId: null,
    escalationLevel: 'operator',
    receivedAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    version: 1,
    importance: 'normal',
    deadlines: null,
    returnCount: 0,
    answer: null,
    extensionRequest: null,
    closeResult: null,
    mergedIntoId: null,
    rating: null,
    ...overrides,
  };
}

export const OPERATOR: UserRef = { id: 7, name: 'Петров Иван' };

export function makeEvent(seq: number, item: Partial<ItemDto> = {}, data?: ItemEvent['data']): ItemEvent {
  return {
    seq,
    at: new Date(Date.UTC(2025, 0, 10, 9, 0, seq)).toISOString(),
    actor: OPERATOR,
    itemId: item.id ?? 1,
    data: data ?? { type: 'item.created' },
    item: makeItem({ version: seq, ...item }),
  };
}
