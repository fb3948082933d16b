import { parseArgs } from 'node:util';

/**
 * Integer options `--name N` with defaults; a `--` that pnpm may pass along is ignored.
 * A typo or a bad value stops with a usage line (exit 2) rather than running the defaults.
 */
export function intArgs<K extends string>(defaults: Record<K, number>, argv = process.argv.slice(2)): Record<K, number> {
  const names = Object.keys(defaults) as K[];
  try {
    const { values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
      strict: true,
    });
    const out = { ...defaults };
    for (const n of names) {
      const raw = values[n];
      if (typeof raw !== 'string') continue;
      const v = Number(raw);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`--${n} must be a positive integer, got «${raw}»`);
      out[n] = v;
    }
    return out;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.error(`options: ${names.map((n) => `--${n} N (${defaults[n]})`).join(' ')}`);
    process.exit(2);
  }
}

/** Teardown steps, run last-in first-out; run() may be called again and runs only what is left. */
export class Cleanup {
  private readonly steps: { name: string; fn: () => unknown }[] = [];

  defer(name: string, fn: () => unknown): void {
    this.steps.push({ name, fn });
  }

  async run(stepTimeoutMs = 15_000): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), stepTimeoutMs);
      });
      try {
        await Promise.race([Promise.resolve().then(step.fn), timeout]);
      } catch (e) {
        console.error(`cleanup: ${step.name} failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Progress on stderr, so stdout holds only the report. */
export const progress = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

/**
 * Runs a bench with an overall deadline. Whatever happens (error, deadline, Ctrl-C), the
 * cleanup runs and failures set a non-zero exit code. The process then ends by itself.
 */
export function runBench(name: string, timeoutMs: number, main: (cleanup: Cleanup) => Promise<void>): void {
  const cleanup = new Cleanup();
  const fail = async (why: string) => {
    console.error(`bench ${name} FAILED: ${why}`);
    process.exitCode = 1;
    await cleanup.run();
  };
  const abort = (why: string, code: number) => void fail(why).finally(() => process.exit(code));
  const deadline = setTimeout(() => abort(`overall timeout of ${timeoutMs / 1000} s`, 1), timeoutMs);
  const onSignal = (signal: NodeJS.Signals) => abort(`interrupted by ${signal}`, 130);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  main(cleanup)
    .then(() => cleanup.run())
    .catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)))
    .finally(() => {
      clearTimeout(deadline);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    });
}
