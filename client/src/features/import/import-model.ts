import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportJobDto,
  type ImportMapping,
  type ImportPreviewDto,
  type ImportProgress,
  type ImportSettings,
} from '@okno/shared';

/** Fields in the mapping table: required ones first, then the rest in contract order. */
export const MAPPING_FIELDS: readonly ImportField[] = [
  ...REQUIRED_IMPORT_FIELDS,
  ...IMPORT_FIELDS.filter((f) => !REQUIRED_IMPORT_FIELDS.includes(f)),
];

/** Whether the settings name a column for every required field (the server checks again). */
export function hasRequiredColumns(mapping: ImportMapping): boolean {
  return REQUIRED_IMPORT_FIELDS.every((f) => mapping[f] != null);
}

/** A mapping with one field set to a column, or cleared (null). */
export function withColumn(mapping: ImportMapping, field: ImportField, column: number | null): ImportMapping {
  return { ...mapping, [field]: column };
}

/** Whole percent of a run, 0 … 100. */
export function percentOf(processed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((processed / total) * 100)));
}

/** Whether a job has finished one way or the other. */
export const isFinished = (job: Pick<ImportJobDto, 'status'>): boolean => job.status === 'done' || job.status === 'failed';

/**
 * The job as last known, with a progress event applied. Events may arrive after the final
 * poll or out of order: a finished job never goes back to running, progress never shrinks.
 */
export function applyProgress(job: ImportJobDto, p: ImportProgress): ImportJobDto {
  if (p.jobId !== job.id || isFinished(job)) return job;
  return { ...job, status: p.status, total: p.total, processed: p.status === 'running' ? Math.max(job.processed, p.processed) : p.processed };
}

/** A stable key of the settings: the preview reruns only when something really changed. */
export const settingsKey = (jobId: string, s: ImportSettings): string => `${jobId}:${JSON.stringify(s)}`;

type PreviewSummary = ImportPreviewDto['summary'];

/** Rows a run would write: valid ones not imported before. */
export const rowsToImport = (summary: PreviewSummary): number => Math.max(0, summary.valid - summary.existing);

/** Why the run button is off: a required column unmapped, the preview not in yet, or nothing new to write. */
export type RunBlock = 'unmapped' | 'checking' | 'noValid' | 'allExisting' | 'nothingNew';

/** What keeps a run from starting, or null when it would write rows. */
export function runBlock(mapping: ImportMapping, summary: PreviewSummary | null): RunBlock | null {
  if (!hasRequiredColumns(mapping)) return 'unmapped';
  if (!summary) return 'checking';
  if (summary.valid === 0) return 'noValid';
  if (rowsToImport(summary) === 0) return summary.invalid === 0 ? 'allExisting' : 'nothingNew';
  return null;
}
