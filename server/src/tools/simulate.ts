/**
 * `pnpm simulate [--rate N] [--count N] [--csv path] [--url URL] [--key KEY] [--seed S] [--batch N]`
 *
 * Streams items to a running Okno's ingest API: generated demo items by default, or real
 * appeals from a «Наш Санкт-Петербург» CSV (shared/data/spb-nash-peterburg/appeals.csv; no
 * licence is declared for it: local demos and tests only). Prints progress and a summary;
 * exits 1 when any item failed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSimulation, type SimulationStats } from './simulate-run.js';
import { generatedSource, spbCsvSource } from './simulate-sources.js';

const HELP = `Использование: pnpm simulate [параметры]
  --rate N     элементов в секунду (по умолчанию 10)
  --count N    сколько отправить (по умолчанию 100; для CSV — все строки)
  --csv PATH   взять обращения из CSV «Наш Санкт-Петербург» вместо генератора
  --url URL    адрес Okno (по умолчанию http://127.0.0.1:3000)
  --key KEY    ключ источника (по умолчанию $OKNO_INGEST_KEY или demo-ingest-key)
  --seed S     зерно генератора (по умолчанию — время запуска; то же зерно даёт дубликаты)
  --batch N    элементов в запросе (по умолчанию ~rate/5, от 1 до 500)
  --concurrency N  одновременных запросов (по умолчанию 8)`;

function positiveNumber(name: string, value: string | undefined, fallback: number, max?: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (max !== undefined && n > max)) {
    throw new Error(`--${name}: ожидается положительное число${max ? ` не больше ${max}` : ''}, получено «${value}»`);
  }
  return n;
}

function formatStats(s: SimulationStats, total: number | null): string {
  const codes = Object.entries(s.errorCodes).map(([code, n]) => `${code}: ${n}`).join(', ');
  return `отправлено ${s.sent}${total ? ` из ${total}` : ''}, создано ${s.created}, дубликатов ${s.duplicates}, ошибок ${s.errors}` +
    `${codes ? ` (${codes})` : ''}, ${s.achievedRate.toFixed(1)} эл/с за ${(s.elapsedMs / 1000).toFixed(1)} с`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      count: { type: 'string' },
      csv: { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      key: { type: 'string', default: process.env.OKNO_INGEST_KEY ?? 'demo-ingest-key' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const rate = positiveNumber('rate', values.rate, 10);
  const count = values.count === undefined ? null : Math.floor(positiveNumber('count', values.count, 100));
  const batchSize = Math.floor(positiveNumber('batch', values.batch, Math.min(500, Math.max(1, Math.round(rate / 5))), 500));
  const concurrency = Math.floor(positiveNumber('concurrency', values.concurrency, 8, 256));
  // `pnpm simulate` runs inside server/: resolve the path from where the user typed it.
  const csvPath = values.csv === undefined ? null : resolve(process.env.INIT_CWD ?? process.cwd(), values.csv);
  const source = csvPath ? spbCsvSource(csvPath, count) : generatedSource(count ?? 100, values.seed ?? Date.now());

  const what = csvPath ? `CSV ${csvPath}` : `генератор${values.seed ? `, зерно ${values.seed}` : ''}`;
  console.log(`Okno simulate → ${values.url}: ${source.total ?? 'все'} элементов (${what}), ${rate} эл/с, по ${batchSize} в запросе`);

  const abort = new AbortController();
  process.once('SIGINT', () => {
    console.log('\nОстанавливаюсь: дожидаюсь ответов на отправленное…');
    abort.abort();
  });
  const stats = await runSimulation(source.items, {
    url: values.url,
    apiKey: values.key,
    rate,
    batchSize,
    concurrency,
    signal: abort.signal,
    onProgress: (s) => console.log(`… ${formatStats(s, source.total)}`),
  });
  console.log(`Итого: ${formatStats(stats, null)}`);
  if (source.skipped()) console.log(`Пропущено строк CSV без номера обращения: ${source.skipped()}`);
  return stats.errors > 0 ? 1 : 0;
}

// exitCode rather than exit(): let stdout drain when it is a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
