import { describe, expect, it } from 'vitest';
import { EventSequencer } from './sequencer';

const ev = (seq: number) => ({ seq });
const seqs = (list: { seq: number }[]) => list.map((e) => e.seq);

describe('EventSequencer', () => {
  it('buffers everything until the snapshot, then releases what follows it in order', () => {
    const s = new EventSequencer();
    expect(s.push(ev(12))).toEqual([]);
    expect(s.push(ev(11))).toEqual([]);
    expect(s.push(ev(9))).toEqual([]);
    expect(seqs(s.reset(10))).toEqual([11, 12]);
    expect(s.lastSeq).toBe(12);
  });

  it('releases an in-order event at once', () => {
    const s = new EventSequencer();
    s.reset(5);
    expect(seqs(s.push(ev(6)))).toEqual([6]);
    expect(seqs(s.push(ev(7)))).toEqual([7]);
  });

  it('never releases an event twice or one at or below the last seq', () => {
    const s = new EventSequencer();
    s.reset(5);
    expect(seqs(s.push(ev(6)))).toEqual([6]);
    expect(s.push(ev(6))).toEqual([]);
    expect(s.push(ev(3))).toEqual([]);
    expect(s.push(ev(5))).toEqual([]);
    expect(s.lastSeq).toBe(6);
  });

  it('holds events behind a gap and releases them in seq order when the gap fills', () => {
    const s = new EventSequencer();
    s.reset(1);
    expect(s.push(ev(4))).toEqual([]);
    expect(s.push(ev(3))).toEqual([]);
    expect(s.push(ev(3))).toEqual([]); // duplicate while buffered
    expect(s.buffered).toBe(2);
    expect(seqs(s.push(ev(2)))).toEqual([2, 3, 4]);
    expect(s.buffered).toBe(0);
  });

  it('reports how long a gap has lasted, and nothing once it is filled', () => {
    let now = 1000;
    const s = new EventSequencer(() => now);
    s.reset(1);
    expect(s.gapAge()).toBeNull();
    s.push(ev(3));
    now = 1250;
    expect(s.gapAge()).toBe(250);
    s.push(ev(2));
    expect(s.gapAge()).toBeNull();
  });

  it('restarts the gap clock when progress is made but a later hole remains', () => {
    let now = 0;
    const s = new EventSequencer(() => now);
    s.reset(1);
    s.push(ev(3));
    s.push(ev(6));
    now = 200;
    s.push(ev(2)); // releases 2, 3; still waiting for 4
    expect(s.gapAge()).toBe(0);
  });

  it('advanceTo skips seqs the server says do not exist for us and releases what waited', () => {
    const s = new EventSequencer();
    s.reset(10);
    s.push(ev(13));
    s.push(ev(16));
    expect(seqs(s.advanceTo(14))).toEqual([13]);
    expect(s.lastSeq).toBe(14);
    expect(s.gapAge()).not.toBeNull(); // 15 is still missing before 16
    expect(seqs(s.advanceTo(15))).toEqual([16]);
    expect(s.gapAge()).toBeNull();
  });

  it('suspend buffers again until the next reset (snapshot reload)', () => {
    const s = new EventSequencer();
    s.reset(3);
    s.suspend();
    expect(s.push(ev(4))).toEqual([]);
    expect(s.push(ev(9))).toEqual([]);
    expect(seqs(s.reset(8))).toEqual([9]);
  });
});
