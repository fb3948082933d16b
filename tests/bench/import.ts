/**
 * pnpm bench import [--rows 20000] [--timeout 600]
 *
 * Import of a large ПОС-like XLSX export through the real HTTP API of a node over a fresh
 * test database: the file is built with exceljs (a title row, Russian headers, dates, 4 % bad
 * rows), then timed: upload (store + parse), preview (convert every row), run (202 → done:
 * one transaction, items with deadlines, events), and a re-import of the same file (all
 * skipped). A socket counts the progress events; meanwhile another operator comments on an
 * item every 100 ms, to show how long the run holds up everyone else's mutations, and a plain
 * Postgres connection takes the event-log append lock every 100 ms, to show how long the run holds
 * it (apart from the node's own event loop, which the comments also wait for). Progress goes to
 * stderr; the last stdout line is one JSON object of figures.
 */
import type { ImportJobDto, ImportPreviewDto, ImportProgress, ImportSettings, ImportUploadDto, ItemSnapshot } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode } from '@okno/server/testing';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { intArgs, progress, runBench, sleep } from './lib/run.js';
import { summarize } from './lib/stats.js';

const args = intArgs({ rows: 20_000, timeout: 600 });
/** EVENT_APPEND_LOCK in server/src/features/events/event-log.ts. */
const EVENT_APPEND_LOCK = 7_301_001;
const HEADERS = ['№', 'Номер обращения', 'Дата поступления', 'Категория', 'Подкатегория', 'Текст обращения', 'Заявитель', 'Адрес', 'Муниципальное образование', 'Тип'];
const TOPICS = [
  ['ЖКХ', 'Отопление'],
  ['ЖКХ', 'Водоснабжение'],
  ['Дороги', 'Ямы и разрушение покрытия'],
  ['ТКО', 'Несвоевременный вывоз отходов'],
  ['Энергетика', 'Отключения электроэнергии'],
] as const;
const PLACES = ['Курский район', 'город Железногорск', 'Обоянский район', 'город Льгов'];

async function buildExport(rows: number): Promise<{ data: Buffer; bad: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сообщения');
  ws.addRow(['Выгрузка сообщений ПОС']);
  ws.addRow(HEADERS);
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    const [sector, topic] = TOPICS[i % TOPICS.length]!;
    const text = i % 25 === 0 ? '' : `Обращение №${i}: ${topic.toLowerCase()} — прошу принять меры. `.repeat(1 + (i % 4));
    if (!text) bad++;
    const row = ws.addRow([
      i,
      `BENCH-${i}`,
      new Date(Date.UTC(2025, 0, 1 + (i % 300), 6 + (i % 12), i % 60)),
      sector,
      topic,
      text,
      `Заявитель ${i}`,
      `ул. Садовая, ${1 + (i % 120)}`,
      PLACES[i % PLACES.length],
      i % 3 ? 'Сообщение' : 'Обращение',
    ]);
    row.getCell(3).numFmt = 'dd.mm.yyyy hh:mm';
  }
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), bad };
}

async function upload(url: string, token: string, data: Buffer): Promise<ImportUploadDto> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), 'bench.xlsx');
  const res = await fetch(`${url}/api/import/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return (await res.json()) as ImportUploadDto;
}

async function runToEnd(url: string, token: string, jobId: string, settings: ImportSettings): Promise<{ job: ImportJobDto; ms: number }> {
  const t0 = performance.now();
  const started = await api<ImportJobDto>(url, token, `/api/import/${jobId}/run`, settings);
  if (started.status !== 202) throw new Error(`run: ${started.status} ${JSON.stringify(started.body)}`);
  for (;;) {
    const job = (await api<ImportJobDto>(url, token, `/api/import/${jobId}`)).body;
    if (job.status === 'done' || job.status === 'failed') return { job, ms: performance.now() - t0 };
    await sleep(50);
  }
}

runBench('import', args.timeout * 1000, async (cleanup) => {
  progress(`building a ${args.rows}-row XLSX`);
  const t0 = performance.now();
  const file = await buildExport(args.rows);
  const buildMs = performance.now() - t0;

  const db = await createTestDatabase();
  cleanup.defer('drop test database', () => db.drop());
  const node = await startNode(db.url, { nodeId: 'bench' });
  cleanup.defer('close node', () => node.close());
  const token = await login(node.url, 'operator1');
  const socket = await openSocket(node.url, token);
  cleanup.defer('close socket', () => socket.close());
  const events: ImportProgress[] = [];
  socket.on('import:progress', (p) => events.push(p));

  progress(`uploading ${(file.data.length / 1024 / 1024).toFixed(1)} MB`);
  let t = performance.now();
  const up = await upload(node.url, token, file.data);
  const uploadMs = performance.now() - t;
  const settings: ImportSettings = { mapping: up.suggestedMapping, defaults: up.suggestedDefaults };

  progress('preview');
  t = performance.now();
  const preview = await api<ImportPreviewDto>(node.url, token, `/api/import/${up.jobId}/preview`, settings);
  const previewMs = performance.now() - t;

  progress('run, with another operator commenting every 100 ms');
  const other = await login(node.url, 'operator2');
  const itemId = (await api<ItemSnapshot>(node.url, other, '/api/items?limit=1')).body.items[0]!.id;
  const latencies: number[] = [];
  const lockWaits: number[] = [];
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  cleanup.defer('close sql', () => sql.end());
  let probing = true;
  const every100ms = async (fn: () => Promise<unknown>, into: number[]) => {
    while (probing) {
      const t1 = performance.now();
      await fn();
      into.push(performance.now() - t1);
      await sleep(100);
    }
  };
  const probes = Promise.all([
    every100ms(() => api(node.url, other, `/api/items/${itemId}/comment`, { mutationId: mutationId(), text: 'проверка во время импорта' }), latencies),
    // One statement, so the lock is released at once.
    every100ms(() => sql.query('select pg_advisory_xact_lock($1)', [EVENT_APPEND_LOCK]), lockWaits),
  ]);
  const first = await runToEnd(node.url, token, up.jobId, settings);
  probing = false;
  await probes;
  const mutation = summarize(latencies);
  const lockWait = summarize(lockWaits);
  if (first.job.status !== 'done') throw new Error(`import failed: ${first.job.error}`);
  const progressEvents = events.length;

  progress('re-import of the same file');
  const again = await upload(node.url, token, file.data);
  const second = await runToEnd(node.url, token, again.jobId, settings);

  const figures = {
    bench: 'import',
    rows: args.rows,
    fileMB: Number((file.data.length / 1024 / 1024).toFixed(2)),
    buildFileMs: Math.round(buildMs),
    uploadParseMs: Math.round(uploadMs),
    previewMs: Math.round(previewMs),
    previewSummary: preview.body.summary,
    runMs: Math.round(first.ms),
    created: first.job.result?.created,
    failed: first.job.result?.failedCount,
    expectedFailed: file.bad,
    rowsPerSecond: Math.round(args.rows / (first.ms / 1000)),
    progressEvents,
    otherMutationsDuringRun: latencies.length,
    otherMutationP50Ms: Math.round(mutation.p50),
    otherMutationMaxMs: Math.round(mutation.max),
    eventLockWaitMaxMs: Math.round(lockWait.max),
    reimportMs: Math.round(second.ms),
    reimportSkipped: second.job.result?.skipped,
    uploadPlusRunMs: Math.round(uploadMs + first.ms),
  };
  console.log(`${args.rows} rows (${figures.fileMB} MB): upload+parse ${figures.uploadParseMs} ms, preview ${figures.previewMs} ms, run ${figures.runMs} ms (${figures.rowsPerSecond} rows/s), re-import ${figures.reimportMs} ms; another operator's comment during the run: p50 ${figures.otherMutationP50Ms} ms, max ${figures.otherMutationMaxMs} ms; longest wait for the event-log lock ${figures.eventLockWaitMaxMs} ms`);
  console.log(JSON.stringify(figures));
});
