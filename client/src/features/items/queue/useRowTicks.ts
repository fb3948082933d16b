import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { RowTicks } from './columns';
import { EMPTY_SELECTION, tickAll, tickedInOrder, tickRange, toggleRow, untick, type Selection } from './queue-selection';

export interface QueueTicks extends RowTicks {
  /** The ticked rows among those shown, in the order shown: what a bulk action acts on. */
  ticked: Accessor<number[]>;
  tickAll: () => void;
  clear: () => void;
  untick: (ids: Iterable<number>) => void;
}

/** The queue's ticked rows, over the ids of the rows shown (in the order shown). */
export function useRowTicks(shown: Accessor<number[]>): QueueTicks {
  const [selection, setSelection] = createSignal<Selection>(EMPTY_SELECTION);
  const ticked = createMemo(() => tickedInOrder(selection(), shown()));
  const shownState = () => {
    const n = ticked().length;
    return n === 0 ? 'none' : n === shown().length ? 'all' : 'some';
  };
  return {
    ticked,
    isTicked: (id) => selection().ids.has(id),
    tick: (id, range) => setSelection((s) => (range ? tickRange(s, id, shown()) : toggleRow(s, id))),
    shownState,
    toggleShown: () => setSelection(shownState() === 'all' ? EMPTY_SELECTION : tickAll(shown())),
    tickAll: () => setSelection(tickAll(shown())),
    clear: () => setSelection(EMPTY_SELECTION),
    untick: (ids) => setSelection((s) => untick(s, ids)),
  };
}
