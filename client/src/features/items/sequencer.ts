/**
 * Orders a stream of sequenced events for a replica.
 *
 * Invariants: events are released strictly in ascending `seq`, each at most once, and never
 * one at or below the last released seq. An event that arrives ahead of a missing one waits in
 * a buffer; the caller learns how long the gap has lasted and decides when to ask the server.
 * Before the first `reset` (the snapshot is not loaded yet) everything is buffered.
 */
export interface Sequenced {
  seq: number;
}

export class EventSequencer<E extends Sequenced> {
  private last: number | null = null;
  private readonly buffer = new Map<number, E>();
  private gapSince: number | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** The seq of the last event released (or the snapshot's seq); null before the snapshot. */
  get lastSeq(): number | null {
    return this.last;
  }

  /** How many events wait behind a gap. */
  get buffered(): number {
    return this.buffer.size;
  }

  /**
   * Starts (or restarts) from a snapshot that reflects every event up to `seq`.
   * Buffered events above it are released in order if they follow on.
   */
  reset(seq: number): E[] {
    this.last = seq;
    return this.drain();
  }

  /** Stops releasing until the next `reset` (a snapshot is being reloaded); events keep buffering. */
  suspend(): void {
    this.last = null;
  }

  /** Takes one event; returns the events that can now be applied, in order. */
  push(event: E): E[] {
    if (this.last !== null && event.seq <= this.last) return [];
    if (!this.buffer.has(event.seq)) this.buffer.set(event.seq, event);
    if (this.last === null) return [];
    return this.drain();
  }

  /**
   * Records that the server has nothing else up to `seq` for us (a sync answered up to there):
   * seqs the server skipped, or events this user may not see, stop counting as a gap.
   */
  advanceTo(seq: number): E[] {
    if (this.last === null) return [];
    const released = this.drainUpTo(seq);
    if (seq > (this.last ?? 0)) this.last = seq;
    return released.concat(this.drain());
  }

  /** Milliseconds since the replica first waited on a missing event, or null without a gap. */
  gapAge(): number | null {
    return this.gapSince === null ? null : this.now() - this.gapSince;
  }

  private drain(): E[] {
    const released: E[] = [];
    if (this.last === null) return released;
    for (const seq of this.buffer.keys()) if (seq <= this.last) this.buffer.delete(seq);
    let next = this.buffer.get(this.last + 1);
    while (next) {
      this.buffer.delete(next.seq);
      released.push(next);
      this.last = next.seq;
      next = this.buffer.get(this.last + 1);
    }
    // Progress restarts the clock: only a gap that nothing fills counts as persisting.
    if (this.buffer.size === 0) this.gapSince = null;
    else if (released.length > 0 || this.gapSince === null) this.gapSince = this.now();
    return released;
  }

  /** Releases buffered events at or below `seq` in order, skipping the missing ones. */
  private drainUpTo(seq: number): E[] {
    const ready = [...this.buffer.values()].filter((e) => e.seq <= seq).sort((a, b) => a.seq - b.seq);
    for (const e of ready) this.buffer.delete(e.seq);
    if (ready.length > 0) this.last = Math.max(this.last ?? 0, ready[ready.length - 1]!.seq);
    return ready;
  }
}
