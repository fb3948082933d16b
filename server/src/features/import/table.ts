import type { ImportFormat, ImportSheet } from '@okno/shared';
import { headerScore } from './headers.js';

/** One row of a sheet as text cells, with its number as the spreadsheet shows it (1-based). */
export interface RawRow {
  row: number;
  cells: string[];
}

/** A file read into a header and data rows. */
export interface ParsedTable {
  format: ImportFormat;
  headerRow: number;
  columns: string[];
  rows: RawRow[];
  encoding: string | null;
  delimiter: string | null;
  /** XLSX only: the sheet the table was read from. */
  sheet: ImportSheet | null;
}

type TableMeta = Pick<ParsedTable, 'encoding' | 'delimiter' | 'sheet'>;

/** Rows above the header an export may carry (a title, a period, filters). */
const HEADER_SEARCH_ROWS = 10;

const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Where the header is: among the first rows, the one that names the most known fields; else
 * the first row with two filled cells; else the first row.
 */
export function findHeaderIndex(rows: readonly RawRow[]): number {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 1;
  head.forEach((r, i) => {
    const score = headerScore(r.cells);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  const firstWide = head.findIndex((r) => filled(r.cells) >= 2);
  return firstWide >= 0 ? firstWide : 0;
}

/** Splits raw rows into named columns and non-empty data rows; blank names become «Столбец C». */
export function buildTable(raw: readonly RawRow[], format: ImportFormat, meta: TableMeta): ParsedTable {
  const nonEmpty = raw.filter((r) => filled(r.cells) > 0);
  if (nonEmpty.length === 0) return { format, headerRow: 1, columns: [], rows: [], ...meta };
  const h = findHeaderIndex(nonEmpty);
  const header = nonEmpty[h]!;
  const rows = nonEmpty.slice(h + 1);
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), header.cells.length);
  const seen = new Map<string, number>();
  const columns = Array.from({ length: width }, (_, i) => {
    const name = (header.cells[i] ?? '').trim() || `Столбец ${columnLetter(i)}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  return { format, headerRow: header.row, columns, rows, ...meta };
}
