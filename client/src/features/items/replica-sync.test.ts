import type { ItemEvent, ItemSnapshot, SyncResult } from '@okno/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GAP_TIMEOUT_MS, ReplicaSync } from './replica-sync';
import { makeEvent, makeItem } from './testing';

function setup(opts: { snapshotSeq?: number; sync?: (since: number) => Promise<SyncResult> } = {}) {
  const applied: number[] = [];
  const late: number[] = [];
  const snapshots: ItemSnapshot[] = [];
  const syncCalls: number[] = [];
  let snapshotSeq = opts.snapshotSeq ?? 10;
  const replica = new ReplicaSync({
    fetchSnapshot: async () => ({ seq: snapshotSeq, now: new Date().toISOString(), items: [makeItem()] }),
    sync: async (since) => {
      syncCalls.push(since);
      return opts.sync ? opts.sync(since) : { events: [], seq: since, reload: false };
    },
    onSnapshot: (s) => snapshots.push(s),
    onEvents: (events: ItemEvent[]) => applied.push(...events.map((e) => e.seq)),
    onLate: (event: ItemEvent) => late.push(event.seq),
    onError: () => undefined,
    isOnline: () => true,
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  return { replica, applied, late, snapshots, syncCalls, setSnapshotSeq: (s: number) => (snapshotSeq = s) };
}

describe('ReplicaSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies events that arrived during the snapshot load after it, skipping those it already reflects', async () => {
    const { replica, applied, snapshots } = setup({ snapshotSeq: 10 });
    const loading = replica.load();
    replica.receive(makeEvent(9));
    replica.receive(makeEvent(11));
    await loading;
    expect(snapshots).toHaveLength(1);
    expect(applied).toEqual([11]);
  });

  it('does not ask the server about a gap that fills within the grace period', async () => {
    const { replica, applied, syncCalls } = setup();
    await replica.load();
    replica.receive(makeEvent(12));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS - 100);
    replica.receive(makeEvent(11));
    await vi.advanceTimersByTimeAsync(1000);
    expect(applied).toEqual([11, 12]);
    expect(syncCalls).toEqual([]);
  });

  it('asks for the missing events when a gap persists, and applies them in order once', async () => {
    const { replica, applied, syncCalls } = setup({
      sync: async () => ({ events: [makeEvent(11), makeEvent(12)], seq: 12, reload: false }),
    });
    await replica.load();
    replica.receive(makeEvent(12));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS + 10);
    expect(syncCalls).toEqual([10]);
    expect(applied).toEqual([11, 12]);
  });

  it('treats seqs the sync does not return as settled (events this user may not see)', async () => {
    const { replica, applied } = setup({ sync: async () => ({ events: [], seq: 13, reload: false }) });
    await replica.load();
    replica.receive(makeEvent(13));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS + 10);
    expect(applied).toEqual([13]);
    expect(replica.lastSeq).toBe(13);
  });

  it('catches up from the last applied seq after a reconnect', async () => {
    const { replica, applied, syncCalls } = setup({
      sync: async () => ({ events: [makeEvent(11)], seq: 11, reload: false }),
    });
    await replica.load();
    await replica.catchUp();
    expect(syncCalls).toEqual([10]);
    expect(applied).toEqual([11]);
  });

  it('reloads the snapshot when the server says the gap is too old to replay', async () => {
    const ctx = setup({ sync: async () => ({ events: [], seq: 500, reload: true }) });
    await ctx.replica.load();
    ctx.setSnapshotSeq(500);
    await ctx.replica.catchUp();
    expect(ctx.snapshots.map((s) => s.seq)).toEqual([10, 500]);
    expect(ctx.replica.lastSeq).toBe(500);
  });

  it('falls back to the snapshot when the sync itself fails', async () => {
    const ctx = setup({ sync: async () => Promise.reject(new Error('timeout')) });
    await ctx.replica.load();
    ctx.setSnapshotSeq(20);
    await ctx.replica.catchUp();
    expect(ctx.snapshots.map((s) => s.seq)).toEqual([10, 20]);
  });

  it('never replays an event below the watermark, but hands it over as late (its item may be newer)', async () => {
    const { replica, applied, late } = setup({ sync: async () => ({ events: [], seq: 14, reload: false }) });
    await replica.load();
    replica.receive(makeEvent(12));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS + 10); // sync says "nothing else up to 14"
    replica.receive(makeEvent(11)); // was still committing when the sync answered
    replica.receive(makeEvent(12)); // a plain duplicate
    expect(applied).toEqual([12]);
    expect(late).toEqual([11, 12]);
  });
});
