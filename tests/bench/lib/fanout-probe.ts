import { performance } from 'node:perf_hooks';

export interface FanoutRound {
  /** From begin() until the last of the clients received the message. */
  lastMs: number;
  /** Each client's delivery latency, in client index order. */
  perClientMs: Float64Array;
}

/**
 * Times one broadcast to `count` clients in this process. Every client forwards what it
 * receives to arrive(index, key); a round is over when all have seen the round's key.
 * Messages for other keys, duplicates and late arrivals are ignored.
 */
export class FanoutProbe<K> {
  private key: K | undefined;
  private t0 = 0;
  private left = 0;
  private readonly at: Float64Array;
  private finish: ((r: FanoutRound) => void) | null = null;

  constructor(private readonly count: number) {
    this.at = new Float64Array(count);
  }

  /** Starts a round now; call it just before sending the message that causes `key`. */
  begin(key: K, timeoutMs: number): Promise<FanoutRound> {
    if (this.finish) throw new Error('a fan-out round is already running');
    this.key = key;
    this.left = this.count;
    this.at.fill(Number.NaN);
    return new Promise<FanoutRound>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.finish = null;
        reject(new Error(`fan-out round ${String(key)}: ${this.left} of ${this.count} clients got nothing in ${timeoutMs} ms`));
      }, timeoutMs);
      this.finish = (r) => {
        clearTimeout(timer);
        this.finish = null;
        resolve(r);
      };
      this.t0 = performance.now();
    });
  }

  arrive(index: number, key: K): void {
    if (!this.finish || key !== this.key || !Number.isNaN(this.at[index]!)) return;
    const dt = performance.now() - this.t0;
    this.at[index] = dt;
    if (--this.left === 0) this.finish({ lastMs: dt, perClientMs: Float64Array.from(this.at) });
  }
}
