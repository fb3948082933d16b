import { Readable } from 'node:stream';
import { AppError, IMPORT_MAX_ROWS } from '@okno/shared';
import ExcelJS from 'exceljs';
import type { RawRow } from './table.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as the wall-clock text Excel shows. Excel dates carry no time zone: exceljs
 * reads them as UTC, so the UTC fields are the local clock of whoever typed them.
 */
export function wallClockText(d: Date): string {
  const date = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  const [h, m, s] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/** Any exceljs cell value as text: rich text joined, formulas by their result, errors empty. */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallClockText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; hyperlink?: string; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text) || (v.hyperlink ?? '').trim();
    if ('error' in v) return '';
  }
  return '';
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Whether the bytes are a zip (an XLSX) or an old binary Excel file. */
export function sniffSpreadsheet(data: Buffer): 'zip' | 'xls' | null {
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return 'zip';
  if (data.subarray(0, 4).equals(OLE_MAGIC)) return 'xls';
  return null;
}

/** The first worksheet's rows, streamed (a 20,000-row export stays well under a second). */
export async function readXlsxRows(data: Buffer): Promise<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const rows: RawRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs rows are 1-based and sparse: index 0 is always empty.
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
        rows.push({ row: row.number, cells });
        if (rows.length > IMPORT_MAX_ROWS + 20) {
          throw new AppError('too_large', `В файле больше ${IMPORT_MAX_ROWS} строк: разделите его на части`);
        }
      }
      break; // exports carry one sheet; later sheets (notes, pivots) are not items
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation', 'Не удалось прочитать файл XLSX: он повреждён или это не таблица Excel', {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  return rows;
}
