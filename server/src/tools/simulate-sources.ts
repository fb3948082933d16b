/** Where the simulator's items come from: Okno's own generator, or a CSV of real appeals. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { IngestItem } from '@okno/shared';
import { createRng, streamItems } from '../seed/demo-data.js';
import { spbRowToIngestItem } from './spb-csv.js';

export interface ItemSource {
  /** The number of items, when known in advance (for progress). */
  total: number | null;
  items: AsyncIterable<IngestItem>;
  /** Rows that could not be turned into items (CSV only). */
  skipped(): number;
}

/**
 * `count` generated items, received "now" (a live stream, not a backlog). The same seed gives
 * the same external ids, so a repeated run shows ingest idempotency: all duplicates.
 */
export function generatedSource(count: number, seed: number | string): ItemSource {
  const rng = createRng(seed);
  async function* items(): AsyncGenerator<IngestItem> {
    let yielded = 0;
    for (const item of streamItems(rng, new Date(), { spreadDays: 0 })) {
      if (yielded++ >= count) return;
      yield { ...item, receivedAt: new Date().toISOString() };
    }
  }
  return { total: count, items: items(), skipped: () => 0 };
}

/** Items from a «Наш Санкт-Петербург» appeals CSV, streamed, at most `limit` of them. */
export function spbCsvSource(path: string, limit: number | null): ItemSource {
  let skipped = 0;
  async function* items(): AsyncGenerator<IngestItem> {
    const parser = createReadStream(path).pipe(
      parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }),
    );
    let yielded = 0;
    for await (const record of parser as AsyncIterable<unknown>) {
      if (limit !== null && yielded >= limit) break;
      const item = spbRowToIngestItem(record, new Date());
      if (!item) {
        skipped++;
        continue;
      }
      yielded++;
      yield item;
    }
    parser.destroy();
  }
  return { total: limit, items: items(), skipped: () => skipped };
}
