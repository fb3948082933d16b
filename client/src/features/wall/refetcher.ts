export interface RefetcherDeps {
  /** Fetches and applies the fresh data; a failure is the caller's to report. */
  run: () => Promise<void>;
  /** Quiet time after the last request before fetching (trailing debounce). */
  delayMs: number;
  /** Longest a request waits while requests keep coming. */
  maxWaitMs: number;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/**
 * Coalesces "something changed, fetch again" requests: one fetch after a burst goes quiet,
 * at least one every `maxWaitMs` during a long burst, never two at once, and always one more
 * after a request that arrived while a fetch was running (so the last change is seen).
 */
export class Refetcher {
  private timer: unknown = undefined;
  private firstRequestAt: number | null = null;
  private inFlight = false;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: RefetcherDeps) {}

  /** Asks for a fetch soon. */
  request(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const now = this.deps.now();
    this.firstRequestAt ??= now;
    const at = Math.min(now + this.deps.delayMs, this.firstRequestAt + this.deps.maxWaitMs);
    this.cancelTimer();
    this.timer = this.deps.setTimer(() => this.fire(), Math.max(0, at - now));
  }

  /** Fetches now (first load, a reconnect), or right after the fetch under way. */
  runNow(): void {
    if (this.stopped) return;
    this.cancelTimer();
    this.firstRequestAt = null;
    if (this.inFlight) this.again = true;
    else this.fire();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.deps.clearTimer(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    this.firstRequestAt = null;
    this.inFlight = true;
    this.deps
      .run()
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.again && !this.stopped) {
          this.again = false;
          this.request();
        }
      });
  }
}
