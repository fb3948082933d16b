import type { Logger } from '../../log.js';
import { runTransitionBatch, TRANSITIONS, type SchedulerDeps, type Transition } from './escalation.service.js';
import type { EscalationRules } from './thresholds.js';

export interface TickReport {
  now: string;
  /** Items handled per transition. */
  items: Record<Transition, number>;
  events: number;
  notices: number;
  ms: number;
}

export interface Scheduler {
  /** Starts the timer (no-op when the interval is 0). */
  start(): void;
  /** Runs one tick now, after any tick in progress on this node; resolves with what it did. */
  tick(): Promise<TickReport>;
  /** Stops the timer and waits for the tick in progress. */
  stop(): Promise<void>;
}

export interface SchedulerOptions extends SchedulerDeps {
  clock: () => Date;
  log: Logger;
  rules: EscalationRules;
  intervalMs: number;
  batch: number;
}

/**
 * The deadline scheduler of one node. Ticks never overlap on a node; across nodes they may,
 * and that is safe (see runTransitionBatch). Time comes from the injected clock only.
 */
export function createScheduler(o: SchedulerOptions): Scheduler {
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function runTick(): Promise<TickReport> {
    const started = performance.now();
    const now = o.clock();
    const report: TickReport = { now: now.toISOString(), items: { at_risk: 0, overdue: 0, late: 0 }, events: 0, notices: 0, ms: 0 };
    for (const transition of TRANSITIONS) {
      for (;;) {
        const batch = await runTransitionBatch(o, transition, now, o.rules, o.batch);
        report.items[transition] += batch.items;
        report.events += batch.events;
        report.notices += batch.notices;
        if (batch.items < o.batch || stopped) break;
      }
    }
    report.ms = performance.now() - started;
    if (report.events > 0) o.log.info({ tick: report }, 'deadline scheduler tick');
    return report;
  }

  function tick(): Promise<TickReport> {
    const next = chain.then(runTick, runTick);
    chain = next.catch(() => undefined);
    return next;
  }

  function schedule(): void {
    if (stopped || o.intervalMs <= 0) return;
    timer = setTimeout(() => {
      tick()
        .catch((e: unknown) => o.log.error({ err: e }, 'deadline scheduler tick failed'))
        .finally(schedule);
    }, o.intervalMs);
    timer.unref();
  }

  return {
    start() {
      stopped = false;
      if (!timer) schedule();
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
    },
  };
}
