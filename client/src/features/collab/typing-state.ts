import type { ItemTyping, TYPING_FIELDS, UserRef } from '@okno/shared';

export type TypingField = (typeof TYPING_FIELDS)[number];

/** How long a "typing" mark lasts without a repeat (typists repeat every ~2 s). */
export const TYPING_TTL_MS = 4000;
/** The least time between two typing signals from this tab. */
export const TYPING_THROTTLE_MS = 2000;

interface Typist {
  user: UserRef;
  until: number;
}

/** Who is typing where: `<itemId>:<field>` → typists with the time their mark expires. */
export type TypingState = ReadonlyMap<string, readonly Typist[]>;

export const NO_TYPING: TypingState = new Map();

const keyOf = (itemId: number, field: TypingField) => `${itemId}:${field}`;

/** Records a typing signal; a repeat from the same person extends their mark. */
export function withTyping(state: TypingState, typing: ItemTyping, now: number): TypingState {
  const key = keyOf(typing.itemId, typing.field);
  const others = (state.get(key) ?? []).filter((t) => t.user.id !== typing.user.id && t.until > now);
  const next = new Map(state);
  next.set(key, [...others, { user: typing.user, until: now + TYPING_TTL_MS }]);
  return next;
}

/** Drops expired marks; answers the same state when nothing expired (no needless re-render). */
export function withoutExpired(state: TypingState, now: number): TypingState {
  let changed = false;
  const next = new Map<string, readonly Typist[]>();
  for (const [key, list] of state) {
    const live = list.filter((t) => t.until > now);
    if (live.length !== list.length) changed = true;
    if (live.length > 0) next.set(key, live);
  }
  return changed ? next : state;
}

/** People typing in this field of this item now, in the order they started. */
export function typistsOf(state: TypingState, itemId: number, field: TypingField, now: number): UserRef[] {
  return (state.get(keyOf(itemId, field)) ?? []).filter((t) => t.until > now).map((t) => t.user);
}

/** "Кузнецов Артём Игоревич" → "Кузнецов А.": surname and first initial. */
export function shortName(name: string): string {
  const [surname, first] = name.split(/\s+/).filter(Boolean);
  if (!surname) return name;
  return first ? `${surname} ${first[0]!.toUpperCase()}.` : surname;
}

/** Throttles a repeated signal: true when enough time passed since the last one sent. */
export function createThrottle(gapMs: number, now: () => number): () => boolean {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < gapMs) return false;
    last = t;
    return true;
  };
}
