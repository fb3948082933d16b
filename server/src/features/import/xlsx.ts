import { Readable } from 'node:stream';
import { AppError, IMPORT_MAX_ROWS } from '@okno/shared';
import ExcelJS from 'exceljs';
import { compareSheets, type SheetCandidate } from './sheet-choice.js';
import { buildTable, type ParsedTable, type RawRow } from './table.js';

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

/** Rows kept per sheet; a longer sheet is still read through, to reach the sheets after it. */
const SHEET_ROW_LIMIT = IMPORT_MAX_ROWS + 20;

interface SheetRead extends SheetCandidate {
  table: ParsedTable;
  name: string;
  oversized: boolean;
}

const readerOptions = {
  sharedStrings: 'cache',
  styles: 'cache', // number formats tell dates from numbers
  hyperlinks: 'ignore',
  worksheets: 'emit',
} as const;

/** One worksheet's rows, at most SHEET_ROW_LIMIT of them. */
async function sheetRows(sheet: AsyncIterable<ExcelJS.Row>): Promise<{ rows: RawRow[]; oversized: boolean }> {
  const rows: RawRow[] = [];
  let oversized = false;
  for await (const row of sheet) {
    if (rows.length >= SHEET_ROW_LIMIT) {
      oversized = true;
      continue;
    }
    const values = Array.isArray(row.values) ? row.values : [];
    // exceljs rows are 1-based and sparse: index 0 is always empty.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    rows.push({ row: row.number, cells });
  }
  return { rows, oversized };
}

/**
 * The workbook's data as a table: every worksheet is streamed in turn and the one that looks
 * most like the export's data is kept (see compareSheets), so a leading «Инструкция» sheet or a
 * trailing pivot does not hide it. Only the best sheet so far stays in memory.
 */
export async function readXlsxTable(data: Buffer): Promise<ParsedTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), readerOptions);
  let best: SheetRead | null = null;
  let emitted = 0;
  try {
    for await (const sheet of reader) {
      const ws = sheet as unknown as { name: string; state?: string } & AsyncIterable<ExcelJS.Row>;
      const { rows, oversized } = await sheetRows(ws);
      const candidate: SheetRead = {
        table: buildTable(rows, 'xlsx', { encoding: null, delimiter: null, sheet: null }),
        name: ws.name,
        visible: ws.state == null || ws.state === 'visible',
        position: emitted++,
        oversized,
      };
      if (!best || compareSheets(candidate, best) < 0) best = candidate;
    }
  } catch (e) {
    throw new AppError('validation', 'Не удалось прочитать файл XLSX: он повреждён или это не таблица Excel', {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  // A zip without worksheets: a Word file, an archive of CSVs, anything renamed to .xlsx.
  if (!best) throw new AppError('validation', 'Файл — ZIP-архив, но не таблица Excel: в нём нет листов');
  const chosen: SheetRead = best;
  if (chosen.oversized) throw new AppError('too_large', `В файле больше ${IMPORT_MAX_ROWS} строк: разделите его на части`);
  // Worksheet files need not follow tab order: the workbook's sheet list gives the tab.
  const tabs = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
  const tab = tabs.findIndex((s) => s.name === chosen.name);
  const sheet = tab >= 0 ? { name: chosen.name, index: tab + 1, count: tabs.length } : { name: chosen.name, index: chosen.position + 1, count: emitted };
  return { ...chosen.table, sheet };
}
