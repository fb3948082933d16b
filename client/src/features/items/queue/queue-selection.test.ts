import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, tickAll, tickedInOrder, tickRange, toggleRow, untick } from './queue-selection';

const order = [10, 11, 12, 13, 14];

describe('queue row selection', () => {
  it('ticks and unticks one row', () => {
    const one = toggleRow(EMPTY_SELECTION, 12);
    expect([...one.ids]).toEqual([12]);
    expect(toggleRow(one, 12).ids.size).toBe(0);
  });

  it('ticks the range from the anchor on shift-click, either direction', () => {
    const down = tickRange(toggleRow(EMPTY_SELECTION, 11), 13, order);
    expect(tickedInOrder(down, order)).toEqual([11, 12, 13]);
    const up = tickRange(toggleRow(EMPTY_SELECTION, 14), 12, order);
    expect(tickedInOrder(up, order)).toEqual([12, 13, 14]);
  });

  it('ticks just the row when the anchor is gone from the list', () => {
    const sel = tickRange(toggleRow(EMPTY_SELECTION, 99), 13, order);
    expect(tickedInOrder(sel, order)).toEqual([13]);
  });

  it('acts only on ticked rows still shown, in the order shown', () => {
    const sel = toggleRow(toggleRow(toggleRow(EMPTY_SELECTION, 14), 99), 10);
    expect(tickedInOrder(sel, order)).toEqual([10, 14]);
  });

  it('ticks all shown rows and drops those done', () => {
    const all = tickAll(order);
    expect(tickedInOrder(untick(all, [11, 13]), order)).toEqual([10, 12, 14]);
  });
});
