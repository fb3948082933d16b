import { randomBytes } from 'node:crypto';
import {
  AppError,
  type ImportJobDto,
  type ImportOrigin,
  type ImportPreviewDto,
  type ImportPreviewRow,
  type ImportSettings,
  type ImportUploadDto,
} from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { AppDeps } from '../../http/context.js';
import { requireQueueWorker, type Actor } from '../auth/actor.js';
import { deadlineRules } from '../deadlines/rules.js';
import { hashApiKey } from '../ingest/ingest.service.js';
import { Source } from '../ingest/source.entity.js';
import { Item } from '../items/item.entity.js';
import { convertRows, settingsIssues, type ConvertContext, type ConvertedRow } from './convert.js';
import { loadLookup } from './directory-lookup.js';
import { detectPreset, presetDefaults, suggestMapping } from './headers.js';
import { cachedTable, parseImportFile, rememberTable } from './import-file.js';
import { ImportJob } from './import-job.entity.js';
import { reportCsv, toResultDto } from './import-report.js';
import type { ParsedTable } from './table.js';

const SAMPLE_ROWS = 20;
const PREVIEW_ROWS = 50;
const PREVIEW_ERROR_ROWS = 100;

const SOURCES: Record<ImportOrigin, { code: string; name: string }> = {
  pos: { code: 'import-pos', name: 'Импорт выгрузок ПОС' },
  im: { code: 'import-im', name: 'Импорт выгрузок «Инцидент Менеджмент»' },
  file: { code: 'import-file', name: 'Импорт файлов' },
};

/** The source items of an origin are imported under, created on first use (it has no usable API key). */
export async function ensureImportSource(em: Em, origin: ImportOrigin): Promise<Source> {
  const { code, name } = SOURCES[origin];
  await em.execute('insert into "source" ("code", "name", "api_key_hash") values (?, ?, ?) on conflict ("code") do nothing', [
    code,
    name,
    hashApiKey(randomBytes(32).toString('hex')),
  ]);
  return em.findOneOrFail(Source, { code });
}

/** The actor's own job, or not_found (a job is private to whoever uploaded it). */
export async function loadJob(em: Em, actor: Actor, jobId: string): Promise<ImportJob> {
  const job = await em.findOne(ImportJob, { id: jobId, userId: actor.id });
  if (!job) throw new AppError('not_found', 'Нет такого импорта');
  return job;
}

/** The job's file as parsed: from this node's cache, else read from the row and parsed again. */
export async function tableOf(em: Em, job: ImportJob): Promise<ParsedTable> {
  const cached = cachedTable(job.id);
  if (cached) return cached;
  const withData = await em.findOneOrFail(ImportJob, { id: job.id }, { populate: ['data'] });
  const table = await parseImportFile(job.fileName, Buffer.from(withData.data));
  rememberTable(job.id, table);
  return table;
}

/** Stores an uploaded export and answers its columns, first rows and a suggested mapping. */
export async function uploadImport(deps: AppDeps, actor: Actor, fileName: string, data: Buffer): Promise<ImportUploadDto> {
  requireQueueWorker(actor);
  const table = await parseImportFile(fileName, data);
  const em = deps.orm.em.fork();
  const job = em.create(ImportJob, {
    userId: actor.id,
    fileName: fileName.slice(0, 255),
    format: table.format,
    data,
    status: 'uploaded',
    total: table.rows.length,
  });
  await em.flush();
  rememberTable(job.id, table);
  const preset = detectPreset(table.columns);
  return {
    jobId: job.id,
    fileName: job.fileName,
    format: table.format,
    headerRow: table.headerRow,
    columns: table.columns.map((name, index) => ({ index, name })),
    sampleRows: table.rows.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: table.columns.map((_, i) => r.cells[i] ?? '') })),
    rowCount: table.rows.length,
    preset,
    suggestedMapping: suggestMapping(table.columns),
    suggestedDefaults: presetDefaults(preset),
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
  };
}

/** Refuses settings that cannot convert any row. */
export function assertSettings(settings: ImportSettings, table: ParsedTable): void {
  const issues = settingsIssues(settings, table.columns.length);
  if (issues.length > 0) throw new AppError('validation', issues.join('. '), { issues });
}

/** Everything conversion needs, read once: the directory and the centre's time zone. */
export async function convertContext(deps: AppDeps, em: Em): Promise<ConvertContext> {
  const [lookup, rules] = await Promise.all([loadLookup(em), deadlineRules(deps.orm).get(em)]);
  return { lookup, offsetMinutes: rules.centre.offsetMs / 60_000, now: deps.clock() };
}

/** External ids among `ids` already imported under the origin's source. */
async function existingIds(em: Em, origin: ImportOrigin, ids: string[]): Promise<Set<string>> {
  const source = await em.findOne(Source, { code: SOURCES[origin].code });
  const found = new Set<string>();
  if (!source) return found;
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await em.find(Item, { sourceId: source.id, externalId: { $in: ids.slice(i, i + 5000) } }, { fields: ['externalId'] });
    for (const r of rows) found.add(r.externalId);
  }
  return found;
}

function previewRow(r: ConvertedRow, exists: Set<string>): ImportPreviewRow {
  const item = r.item && r.item.text.length > 500 ? { ...r.item, text: `${r.item.text.slice(0, 499)}…` } : r.item;
  return { row: r.row, externalId: r.externalId, item, errors: r.errors, warnings: r.warnings, exists: !!r.item && exists.has(r.item.externalId) };
}

/** What a run with these settings would do: the first rows converted, the first failures, counts. */
export async function previewImport(deps: AppDeps, actor: Actor, jobId: string, settings: ImportSettings): Promise<ImportPreviewDto> {
  requireQueueWorker(actor);
  const em = deps.orm.em.fork();
  const table = await tableOf(em, await loadJob(em, actor, jobId));
  assertSettings(settings, table);
  const converted = convertRows(table.rows, settings, await convertContext(deps, em));
  const valid = converted.filter((r) => r.item);
  const exists = await existingIds(em, settings.defaults.origin, valid.map((r) => r.item!.externalId));
  return {
    rows: converted.slice(0, PREVIEW_ROWS).map((r) => previewRow(r, exists)),
    errorRows: converted.filter((r) => r.errors.length > 0).slice(0, PREVIEW_ERROR_ROWS).map((r) => previewRow(r, exists)),
    summary: {
      total: converted.length,
      valid: valid.length,
      invalid: converted.length - valid.length,
      existing: exists.size,
      warned: valid.filter((r) => r.warnings.length > 0).length,
    },
  };
}

/** Progress of runs going on in this node, fresher than the job row (written at start and end). */
export const liveProgress = new Map<string, number>();

export function toJobDto(job: ImportJob): ImportJobDto {
  const live = job.status === 'running' ? liveProgress.get(job.id) : undefined;
  return {
    id: job.id,
    fileName: job.fileName,
    format: job.format,
    status: job.status,
    total: job.total,
    processed: live ?? job.processed,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error ?? null,
    result: job.result ? toResultDto(job.result) : null,
  };
}

export async function getImportJob(deps: AppDeps, actor: Actor, jobId: string): Promise<ImportJobDto> {
  requireQueueWorker(actor);
  return toJobDto(await loadJob(deps.orm.em.fork(), actor, jobId));
}

/** How long a file uploaded but never run stays in the list: after that it is an abandoned try. */
export const UNRUN_LISTED_MS = 60 * 60 * 1000;

/**
 * The person's latest imports, newest first, without uploads left unrun for over an hour; their
 * reports as counts only (the rows are in GET /{jobId}).
 */
export async function listImportJobs(deps: AppDeps, actor: Actor): Promise<ImportJobDto[]> {
  requireQueueWorker(actor);
  // createdAt is stamped with the wall clock (not deps.clock), so the cut-off is too.
  const cutoff = new Date(Date.now() - UNRUN_LISTED_MS);
  const jobs = await deps.orm.em
    .fork()
    .find(
      ImportJob,
      { userId: actor.id, $or: [{ status: { $ne: 'uploaded' } }, { createdAt: { $gte: cutoff } }] },
      { orderBy: { createdAt: 'desc' }, limit: 20 },
    );
  return jobs.map((job) => {
    const dto = toJobDto(job);
    return dto.result ? { ...dto, result: { ...dto.result, failed: [], warned: [] } } : dto;
  });
}

/** The finished run's per-row report as CSV. */
export async function importReportCsv(deps: AppDeps, actor: Actor, jobId: string): Promise<{ fileName: string; csv: string }> {
  requireQueueWorker(actor);
  const job = await loadJob(deps.orm.em.fork(), actor, jobId);
  if (!job.result) throw new AppError('not_found', 'Отчёт появится, когда импорт завершится');
  const base = job.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-ошибки.csv`, csv: reportCsv(job.result) };
}
