import type { NotificationDto, NotificationList } from '@okno/shared';

/** How many notifications the centre keeps in memory (the server keeps them all). */
export const KEPT = 100;

/**
 * The notification centre's list and unread count. The server's count covers everything up
 * to its last answer (`counted`); notifications that arrived live since are counted here.
 */
export interface NotificationState {
  items: readonly NotificationDto[];
  serverUnread: number;
  counted: ReadonlySet<number>;
}

export const EMPTY_NOTIFICATIONS: NotificationState = { items: [], serverUnread: 0, counted: new Set() };

/** Newest first (ids grow with time), one entry per id, at most KEPT. */
function ordered(items: Iterable<NotificationDto>): NotificationDto[] {
  const byId = new Map<number, NotificationDto>();
  for (const n of items) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, KEPT);
}

export function unreadCount(state: NotificationState): number {
  return state.serverUnread + state.items.filter((n) => n.readAt === null && !state.counted.has(n.id)).length;
}

/** Takes the server's list; notifications that arrived live and are not in it stay. */
export function withFetched(state: NotificationState, list: NotificationList): NotificationState {
  const fetched = new Set(list.notifications.map((n) => n.id));
  const live = state.items.filter((n) => !fetched.has(n.id));
  return { items: ordered([...live, ...list.notifications]), serverUnread: list.unread, counted: fetched };
}

/** Adds one notification pushed over the socket (a repeat of a known id changes nothing). */
export function withLive(state: NotificationState, n: NotificationDto): NotificationState {
  if (state.items.some((x) => x.id === n.id)) return state;
  return { ...state, items: ordered([n, ...state.items]) };
}

/** Marks notifications read locally (all of them when `ids` is null), before the server confirms. */
export function withRead(state: NotificationState, ids: readonly number[] | null, atIso: string): NotificationState {
  const chosen = ids === null ? null : new Set(ids);
  let countedNowRead = 0;
  const items = state.items.map((n) => {
    if (n.readAt !== null || (chosen !== null && !chosen.has(n.id))) return n;
    if (state.counted.has(n.id)) countedNowRead += 1;
    return { ...n, readAt: atIso };
  });
  const serverUnread = chosen === null ? 0 : Math.max(0, state.serverUnread - countedNowRead);
  return { ...state, items, serverUnread };
}

/** The server's unread count after marking, which covers every notification held now. */
export function withServerUnread(state: NotificationState, unread: number): NotificationState {
  return { ...state, serverUnread: unread, counted: new Set(state.items.map((n) => n.id)) };
}
