import type { ItemEvent, ItemSnapshot, SyncResult } from '@okno/shared';
import { EventSequencer } from './sequencer';

export interface ReplicaSyncDeps {
  fetchSnapshot: () => Promise<ItemSnapshot>;
  /** Asks the server for events after `sinceSeq`; rejects on a refusal or a timeout. */
  sync: (sinceSeq: number) => Promise<SyncResult>;
  /** Replace the replica's contents with a snapshot. */
  onSnapshot: (snapshot: ItemSnapshot) => void;
  /** Apply events, already in seq order, each exactly once. */
  onEvents: (events: ItemEvent[]) => void;
  /**
   * An event at or below the last applied seq. Usually a duplicate; but a sync may report a
   * seq past an event still committing, which then arrives late. It is never replayed as an
   * event; its item state may still be taken, since the replica's version check makes that safe.
   */
  onLate: (event: ItemEvent) => void;
  onError: (error: unknown) => void;
  isOnline: () => boolean;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** How long a hole in the event stream may last before the replica asks the server. */
export const GAP_TIMEOUT_MS = 300;

/**
 * Keeps the replica in step with the server: snapshot first, then events in seq order; asks
 * for missed events when a gap persists and after every reconnect; reloads the snapshot when
 * the server says the gap is too old to replay.
 */
export class ReplicaSync {
  readonly sequencer: EventSequencer<ItemEvent>;
  private loading: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private gapTimer: unknown = null;
  private stopped = false;

  constructor(private readonly deps: ReplicaSyncDeps) {
    this.sequencer = new EventSequencer<ItemEvent>(deps.now);
  }

  get lastSeq(): number | null {
    return this.sequencer.lastSeq;
  }

  /** Loads (or reloads) the snapshot; events arriving meanwhile wait and follow it. */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    this.sequencer.suspend();
    this.loading = (async () => {
      try {
        const snapshot = await this.deps.fetchSnapshot();
        if (this.stopped) return;
        this.deps.onSnapshot(snapshot);
        this.release(this.sequencer.reset(snapshot.seq));
      } catch (error) {
        this.deps.onError(error);
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** One live event from the socket. */
  receive(event: ItemEvent): void {
    const last = this.sequencer.lastSeq;
    if (last !== null && event.seq <= last) this.deps.onLate(event);
    else this.release(this.sequencer.push(event));
  }

  /** After a (re)connect: catch up from the last applied seq, or load if there is none yet. */
  catchUp(): Promise<void> {
    if (this.sequencer.lastSeq === null) return this.load();
    return this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.gapTimer !== null) this.deps.clearTimer(this.gapTimer);
    this.gapTimer = null;
  }

  private release(events: ItemEvent[]): void {
    if (events.length > 0) this.deps.onEvents(events);
    this.watchGap();
  }

  private syncNow(): Promise<void> {
    if (this.syncing) return this.syncing;
    if (this.loading) return this.loading;
    const since = this.sequencer.lastSeq;
    if (since === null || !this.deps.isOnline()) return Promise.resolve();
    this.syncing = (async () => {
      try {
        const result = await this.deps.sync(since);
        if (this.stopped) return;
        if (result.reload) {
          this.syncing = null;
          await this.load();
          return;
        }
        const released: ItemEvent[] = [];
        for (const event of result.events) released.push(...this.sequencer.push(event));
        released.push(...this.sequencer.advanceTo(result.seq));
        this.release(released);
      } catch (error) {
        // A refused or lost sync leaves the replica unsure; the snapshot is the safe way back.
        this.deps.onError(error);
        if (this.deps.isOnline() && !this.stopped) {
          this.syncing = null;
          await this.load();
        }
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  private watchGap(): void {
    const age = this.sequencer.gapAge();
    if (age === null) {
      if (this.gapTimer !== null) this.deps.clearTimer(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer !== null || this.stopped) return;
    this.gapTimer = this.deps.setTimer(() => {
      this.gapTimer = null;
      const current = this.sequencer.gapAge();
      if (current === null) return;
      if (current >= GAP_TIMEOUT_MS) void this.syncNow().then(() => this.watchGap());
      else this.watchGap();
    }, Math.max(0, GAP_TIMEOUT_MS - age));
  }
}
