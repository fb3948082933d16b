import type { Ack, ErrorBody, ErrorCode, MutationResult } from '@okno/shared';
import type { MutationCall } from '../../api/socket';

/** A mutation waiting to be acknowledged by the server. */
export interface OutboxEntry {
  mutationId: string;
  itemId: number;
  call: MutationCall;
  /** The item version the user saw when acting; used to rebase over the user's own changes. */
  baseVersion: number | null;
  queuedAt: number;
}

export interface OutboxDeps {
  /** Sends one mutation; rejects when the acknowledgement does not come in time. */
  send: (call: MutationCall) => Promise<Ack<MutationResult>>;
  isOnline: () => boolean;
  onAccepted: (entry: OutboxEntry, result: MutationResult) => void;
  onRefused: (entry: OutboxEntry, error: ErrorBody) => void;
  /** The session is gone: the entry stays queued until the user signs in again. */
  onUnauthenticated: () => void;
  onChange: (entries: readonly OutboxEntry[]) => void;
  sleep: (ms: number) => Promise<void>;
}

/** Refusals that say "not now" rather than "no": the same mutation is sent again later. */
const RETRY_LATER: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['rate_limited', 'unavailable']);

/** Backoff between attempts of one entry: 0.5 s, 1 s, 2 s … capped at 10 s. */
export function retryDelay(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Mutations leave in the order they were made, one at a time, each with its own mutationId
 * for every attempt (the server answers a retry with the first result). Nothing leaves the
 * outbox except through `onAccepted` or `onRefused`, so no action is ever silently lost.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private flushing: Promise<void> | null = null;
  private flushAgain = false;

  constructor(private readonly deps: OutboxDeps) {}

  get pending(): readonly OutboxEntry[] {
    return this.entries;
  }

  /** Puts back entries saved by an earlier session (same ids, so no double application). */
  restore(entries: readonly OutboxEntry[]): void {
    const known = new Set(this.entries.map((e) => e.mutationId));
    this.entries.push(...entries.filter((e) => !known.has(e.mutationId)));
    this.deps.onChange(this.entries);
  }

  enqueue(entry: OutboxEntry): void {
    this.entries.push(entry);
    this.deps.onChange(this.entries);
    void this.flush();
  }

  /** Sends whatever waits, while online. Safe to call any time; concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.flushing) {
      // A run may be past its last look at the queue; make it look again before it ends.
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        let halted = false;
        do {
          this.flushAgain = false;
          halted = await this.run();
        } while (!halted && this.flushAgain && this.deps.isOnline());
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  /** One pass over the queue; answers true when it halted on purpose (no session). */
  private async run(): Promise<boolean> {
    let attempt = 0;
    while (this.entries.length > 0 && this.deps.isOnline()) {
      const head = this.entries[0]!;
      attempt += 1;
      let ack: Ack<MutationResult>;
      try {
        ack = await this.deps.send(head.call);
      } catch {
        // Timed out: the server may or may not have applied it; the retry's mutationId decides.
        if (!this.deps.isOnline()) break;
        await this.deps.sleep(retryDelay(attempt));
        continue;
      }
      if (!ack.ok && ack.error.code === 'unauthenticated') {
        this.deps.onUnauthenticated();
        return true;
      }
      if (!ack.ok && RETRY_LATER.has(ack.error.code)) {
        await this.deps.sleep(retryDelay(attempt));
        continue;
      }
      attempt = 0;
      this.entries.shift();
      if (ack.ok) this.rebaseAfter(head, ack.data.item.version);
      this.deps.onChange(this.entries);
      if (ack.ok) this.deps.onAccepted(head, ack.data);
      else this.deps.onRefused(head, ack.error);
    }
    return false;
  }

  /**
   * Later entries on the same item were made on top of this one's predicted result. When the
   * server confirms that this mutation was the only change (version moved by at most one),
   * they carry the new version; otherwise they keep the old one and meet an honest conflict.
   */
  private rebaseAfter(done: OutboxEntry, newVersion: number): void {
    if (done.baseVersion === null || newVersion > done.baseVersion + 1) return;
    for (const entry of this.entries) {
      if (entry.itemId !== done.itemId || entry.baseVersion !== done.baseVersion) continue;
      entry.baseVersion = newVersion;
      if ('version' in entry.call.input && entry.call.input.version !== undefined) {
        entry.call.input.version = newVersion;
      }
    }
  }
}
