import { z } from 'zod';
import { CHANNELS, ITEM_KINDS } from '../domain/enums.js';
import { IngestItem } from './items.js';

/**
 * Import of XLSX and CSV exports (ПОС, «Инцидент Менеджмент»): upload a file, map its columns
 * to item fields, preview the conversion, run it as a job with progress, read its report.
 */

/** Item fields a column may feed; `externalId` and `text` are required. */
export const IMPORT_FIELDS = [
  'externalId',
  'text',
  'title',
  'receivedAt',
  'kind',
  'channel',
  'authorName',
  'address',
  'link',
  'sector',
  'category',
  'territory',
  'importance',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['externalId', 'text'];

/** Whose export a file looks like: ПОС (feedback platform) or ИМ («Инцидент Менеджмент»). */
export const IMPORT_PRESETS = ['pos', 'im'] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

/**
 * The source items are imported under (sources `import-pos`, `import-im`, `import-file`):
 * idempotency is on (source, external id), so re-importing a file under the same origin skips.
 */
export const IMPORT_ORIGINS = ['pos', 'im', 'file'] as const;
export type ImportOrigin = (typeof IMPORT_ORIGINS)[number];

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_STATUSES = ['uploaded', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const column = z.number().int().min(0).max(999).nullable().optional();

/** Target field → index of the file's column (null or absent: not imported). */
export const ImportMapping = z.object({
  externalId: column,
  text: column,
  title: column,
  receivedAt: column,
  kind: column,
  channel: column,
  authorName: column,
  address: column,
  link: column,
  sector: column,
  category: column,
  territory: column,
  importance: column,
});
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Values for rows whose kind or channel column is unmapped or empty, and the origin. */
export const ImportDefaults = z.object({
  kind: z.enum(ITEM_KINDS).nullable(),
  channel: z.enum(CHANNELS).nullable(),
  origin: z.enum(IMPORT_ORIGINS),
});
export type ImportDefaults = z.infer<typeof ImportDefaults>;

/** The body of preview and run: how to read the file. */
export const ImportSettings = z.object({ mapping: ImportMapping, defaults: ImportDefaults });
export type ImportSettings = z.infer<typeof ImportSettings>;

export const ImportJobId = z.string().uuid();

/** A workbook sheet: its tab name, 1-based position in tab order (hidden sheets included) and the number of sheets. */
export const ImportSheet = z.object({
  name: z.string(),
  index: z.number().int().positive(),
  count: z.number().int().positive(),
});
export type ImportSheet = z.infer<typeof ImportSheet>;

/** POST /api/import/files: the stored file as parsed, with a suggested mapping. */
export const ImportUploadDto = z.object({
  jobId: ImportJobId,
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  /** The row (1-based, as in the spreadsheet) that holds the column names. */
  headerRow: z.number().int().positive(),
  columns: z.array(z.object({ index: z.number().int().nonnegative(), name: z.string() })),
  /** The first data rows, cells as text. */
  sampleRows: z.array(z.object({ row: z.number().int().positive(), cells: z.array(z.string()) })),
  rowCount: z.number().int().nonnegative(),
  preset: z.enum(IMPORT_PRESETS).nullable(),
  suggestedMapping: ImportMapping,
  suggestedDefaults: ImportDefaults,
  /** CSV only: how the text was read. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  /** XLSX only: the sheet read (the one holding the data) and its place among the workbook's sheets. */
  sheet: ImportSheet.nullable().optional(),
});
export type ImportUploadDto = z.infer<typeof ImportUploadDto>;

/** One row as it would be imported: the item, or why it cannot be. */
export const ImportPreviewRow = z.object({
  row: z.number().int().positive(),
  externalId: z.string().nullable(),
  item: IngestItem.nullable(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  /** Already imported from this origin: a run skips it. */
  exists: z.boolean(),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

export const ImportPreviewDto = z.object({
  rows: z.array(ImportPreviewRow),
  /** The first rows that cannot be imported, wherever they are in the file. */
  errorRows: z.array(ImportPreviewRow),
  summary: z.object({
    total: z.number().int().nonnegative(),
    valid: z.number().int().nonnegative(),
    invalid: z.number().int().nonnegative(),
    /** Valid rows already imported from this origin. */
    existing: z.number().int().nonnegative(),
    warned: z.number().int().nonnegative(),
  }),
});
export type ImportPreviewDto = z.infer<typeof ImportPreviewDto>;

export const ImportRowIssue = z.object({
  row: z.number().int().positive(),
  externalId: z.string().nullable(),
  messages: z.array(z.string()),
});
export type ImportRowIssue = z.infer<typeof ImportRowIssue>;

/** What a finished run did; `failed`/`warned` may be cut short, the counts and the CSV report are whole. */
export const ImportResult = z.object({
  created: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failedCount: z.number().int().nonnegative(),
  warnedCount: z.number().int().nonnegative(),
  failed: z.array(ImportRowIssue),
  warned: z.array(ImportRowIssue),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportJobDto = z.object({
  id: ImportJobId,
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why a failed run wrote nothing. */
  error: z.string().nullable(),
  result: ImportResult.nullable(),
});
export type ImportJobDto = z.infer<typeof ImportJobDto>;

/** S2C 'import:progress' to the importing person's room while a run goes on. */
export const ImportProgress = z.object({
  jobId: ImportJobId,
  processed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  status: z.enum(IMPORT_STATUSES),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** Largest file accepted for import, in bytes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Most data rows accepted in one file. */
export const IMPORT_MAX_ROWS = 100_000;
