/**
 * Streams items to `POST /api/ingest` at a steady rate, in batches, with a few requests in
 * flight, and counts what the server answered. No item text is ever printed or kept.
 */
import { ErrorBody, IngestResult, type IngestItem } from '@okno/shared';

export interface SimulationOptions {
  url: string;
  apiKey: string;
  /** Items per second. */
  rate: number;
  /** Items per request (IngestBatch allows 1–500). */
  batchSize: number;
  /** Requests in flight at most. */
  concurrency?: number;
  /** Retries of a batch refused with 429 or 503. */
  retries?: number;
  signal?: AbortSignal;
  onProgress?: (stats: SimulationStats) => void;
  progressEveryMs?: number;
}

export interface SimulationStats {
  sent: number;
  created: number;
  duplicates: number;
  errors: number;
  /** Error codes (from ErrorBody, or `http_<status>`, `network`, `bad_response`) and their counts. */
  errorCodes: Record<string, number>;
  elapsedMs: number;
  /** Items answered per second so far. */
  achievedRate: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

async function errorCode(response: Response): Promise<string> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  return body.success ? body.data.code : `http_${response.status}`;
}

/** Sends every item of `source`; resolves with the totals once all answers are in. */
export async function runSimulation(source: AsyncIterable<IngestItem>, options: SimulationOptions): Promise<SimulationStats> {
  const endpoint = new URL('/api/ingest', options.url).toString();
  const concurrency = options.concurrency ?? 8;
  const maxRetries = options.retries ?? 3;
  const started = performance.now();
  const stats: SimulationStats = { sent: 0, created: 0, duplicates: 0, errors: 0, errorCodes: {}, elapsedMs: 0, achievedRate: 0 };
  const snapshot = (): SimulationStats => {
    const elapsedMs = performance.now() - started;
    const answered = stats.created + stats.duplicates + stats.errors;
    return { ...stats, errorCodes: { ...stats.errorCodes }, elapsedMs, achievedRate: elapsedMs > 0 ? (answered * 1000) / elapsedMs : 0 };
  };
  const fail = (code: string, n: number) => {
    stats.errors += n;
    stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + n;
  };

  async function send(items: IngestItem[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
          body: JSON.stringify({ items }),
        });
      } catch {
        return fail('network', items.length);
      }
      if ((response.status === 429 || response.status === 503) && attempt < maxRetries && !options.signal?.aborted) {
        const retryAfter = Number(response.headers.get('retry-after'));
        await response.body?.cancel();
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 500 * (attempt + 1), options.signal);
        continue;
      }
      if (!response.ok) return fail(await errorCode(response), items.length);
      const parsed = IngestResult.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return fail('bad_response', items.length);
      const created = parsed.data.results.filter((r) => r.created).length;
      stats.created += created;
      stats.duplicates += parsed.data.results.length - created;
      if (parsed.data.results.length < items.length) fail('missing_result', items.length - parsed.data.results.length);
      return;
    }
  }

  const inFlight = new Set<Promise<void>>();
  const dispatch = (batch: IngestItem[]) => {
    stats.sent += batch.length;
    const p = send(batch).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const progress = options.onProgress
    ? setInterval(() => options.onProgress?.(snapshot()), options.progressEveryMs ?? 1000)
    : undefined;

  try {
    let batch: IngestItem[] = [];
    let queued = 0;
    for await (const item of source) {
      if (options.signal?.aborted) break;
      batch.push(item);
      if (batch.length < options.batchSize) continue;
      // The batch leaves when its first item is due at the target rate.
      await sleep(started + ((queued * 1000) / options.rate) - performance.now(), options.signal);
      if (options.signal?.aborted) break;
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      queued += batch.length;
      dispatch(batch);
      batch = [];
    }
    if (batch.length && !options.signal?.aborted) {
      await sleep(started + ((queued * 1000) / options.rate) - performance.now(), options.signal);
      dispatch(batch);
    }
    await Promise.all(inFlight);
  } finally {
    clearInterval(progress);
  }
  return snapshot();
}
