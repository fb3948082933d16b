import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Refetcher } from './refetcher';

describe('wall refetch scheduling', () => {
  let runs: number;
  let release: (() => void) | null;
  const make = (slow = false) =>
    new Refetcher({
      run: () => {
        runs += 1;
        return slow ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      delayMs: 1000,
      maxWaitMs: 5000,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });

  beforeEach(() => {
    vi.useFakeTimers();
    runs = 0;
    release = null;
  });
  afterEach(() => vi.useRealTimers());

  it('fetches once after a burst of requests goes quiet', async () => {
    const r = make();
    for (let i = 0; i < 5; i++) {
      r.request();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
  });

  it('still fetches every maxWait while requests keep coming', async () => {
    const r = make();
    for (let i = 0; i < 60; i++) {
      r.request();
      await vi.advanceTimersByTimeAsync(250);
    }
    // 15 s of requests every 250 ms: one fetch per 5 s, never starved by the debounce.
    expect(runs).toBe(3);
  });

  it('never runs two fetches at once, and fetches again after a request made meanwhile', async () => {
    const r = make(true);
    r.runNow();
    expect(runs).toBe(1);
    r.request();
    r.runNow();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
    release?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
  });

  it('does nothing once stopped', async () => {
    const r = make();
    r.request();
    r.stop();
    r.runNow();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(0);
  });
});
