/**
 * Rows ticked for a bulk action, apart from the row the cursor is on. `anchor` is the row
 * last ticked by hand: a shift-click ticks everything between it and the clicked row.
 */
export interface Selection {
  ids: ReadonlySet<number>;
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Ticks or unticks one row, which becomes the anchor of the next range. */
export function toggleRow(sel: Selection, id: number): Selection {
  const ids = new Set(sel.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift-click: ticks every row from the anchor to this one in the order shown. Without an
 * anchor still on screen it ticks just this row.
 */
export function tickRange(sel: Selection, id: number, order: readonly number[]): Selection {
  const from = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
  const to = order.indexOf(id);
  if (from === -1 || to === -1) return toggleRow(sel, id);
  const ids = new Set(sel.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) ids.add(order[i]!);
  return { ids, anchor: id };
}

/** Ticks every row shown (Ctrl/⌘+A). */
export function tickAll(order: readonly number[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** The ticked rows among those shown, in the order shown: what a bulk action acts on. */
export function tickedInOrder(sel: Selection, order: readonly number[]): number[] {
  return sel.ids.size === 0 ? [] : order.filter((id) => sel.ids.has(id));
}

/** Drops the rows a bulk action dealt with. */
export function untick(sel: Selection, done: Iterable<number>): Selection {
  const ids = new Set(sel.ids);
  for (const id of done) ids.delete(id);
  return { ids, anchor: sel.anchor };
}
