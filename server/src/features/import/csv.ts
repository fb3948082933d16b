import { AppError, IMPORT_MAX_ROWS } from '@okno/shared';
import { parse } from 'csv-parse/sync';
import type { RawRow } from './table.js';

/** Text of a CSV file and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
}

/**
 * Reads the bytes as text: a BOM decides (Excel's «CSV UTF-8» writes one, «Unicode text» is
 * UTF-16); without one, valid UTF-8 is UTF-8 and anything else is taken for Windows-1251,
 * what Russian Excel writes as plain «CSV».
 */
export function decodeText(data: Buffer): DecodedText {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'utf-8' };
  }
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(data), encoding: 'windows-1251' };
  }
}

const CANDIDATES = [';', '\t', ','] as const;

/** Counts a delimiter outside double quotes in one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the header line into the most fields (header names seldom hold a
 * `;` or a `,`, while a text line may hold many); ties go to `;`, Russian Excel's list
 * separator, then tab, then `,`.
 */
export function detectDelimiter(text: string): string {
  // A title line above the header («Выгрузка за период …») has no delimiter: skip it.
  const lines = text.split(/\r?\n/, 12);
  const header = lines.find((l) => CANDIDATES.some((d) => countOutsideQuotes(l, d) > 0)) ?? '';
  let best: string = CANDIDATES[0];
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = countOutsideQuotes(header, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** CSV rows as text cells, numbered as a spreadsheet would number the records. */
export function readCsvRows(data: Buffer): { rows: RawRow[]; encoding: string; delimiter: string } {
  const { text, encoding } = decodeText(data);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      to: IMPORT_MAX_ROWS + 21,
    });
  } catch (e) {
    throw new AppError('validation', 'Не удалось прочитать CSV: проверьте кавычки и разделитель', {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  if (records.length > IMPORT_MAX_ROWS + 20) {
    throw new AppError('too_large', `В файле больше ${IMPORT_MAX_ROWS} строк: разделите его на части`);
  }
  return { rows: records.map((cells, i) => ({ row: i + 1, cells })), encoding, delimiter };
}
