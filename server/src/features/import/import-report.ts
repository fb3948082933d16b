import type { ImportResult, ImportRowIssue } from '@okno/shared';
import type { ConvertedRow } from './convert.js';

/** A run's whole report as stored on the job (every failed and warned row). */
export interface StoredImportResult {
  created: number;
  skipped: number;
  failed: ImportRowIssue[];
  warned: ImportRowIssue[];
}

/** Rows the answer lists at most; the CSV report has them all. */
export const REPORT_ROWS_IN_ANSWER = 500;

export function failedRows(rows: readonly ConvertedRow[]): ImportRowIssue[] {
  return rows.filter((r) => r.errors.length > 0).map((r) => ({ row: r.row, externalId: r.externalId, messages: r.errors }));
}

export function warnedRows(rows: readonly ConvertedRow[]): ImportRowIssue[] {
  return rows
    .filter((r) => r.errors.length === 0 && r.warnings.length > 0)
    .map((r) => ({ row: r.row, externalId: r.externalId, messages: r.warnings }));
}

/** The report as the API answers it: counts whole, lists cut to REPORT_ROWS_IN_ANSWER. */
export function toResultDto(stored: StoredImportResult): ImportResult {
  return {
    created: stored.created,
    skipped: stored.skipped,
    failedCount: stored.failed.length,
    warnedCount: stored.warned.length,
    failed: stored.failed.slice(0, REPORT_ROWS_IN_ANSWER),
    warned: stored.warned.slice(0, REPORT_ROWS_IN_ANSWER),
  };
}

/** A CSV field: quoted when needed; a leading = + - @ is defused so Excel shows it as text. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The per-row report as CSV for Russian Excel: UTF-8 with BOM, `;` between fields, CRLF.
 * Failed rows first (not imported), then rows imported with warnings.
 */
export function reportCsv(stored: StoredImportResult): string {
  const lines = [['Строка', 'Номер', 'Результат', 'Сообщения']];
  for (const r of stored.failed) lines.push([String(r.row), r.externalId ?? '', 'не импортирована', r.messages.join('; ')]);
  for (const r of stored.warned) lines.push([String(r.row), r.externalId ?? '', 'импортирована с замечаниями', r.messages.join('; ')]);
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}
