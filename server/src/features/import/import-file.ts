import { AppError, IMPORT_MAX_ROWS, type ImportFormat } from '@okno/shared';
import { readCsvRows } from './csv.js';
import { buildTable, type ParsedTable } from './table.js';
import { readXlsxTable, sniffSpreadsheet } from './xlsx.js';

/** What a file is by its bytes (a zip is an XLSX), not by its name; refuses old binary XLS. */
export function formatOf(fileName: string, data: Buffer): ImportFormat {
  const kind = sniffSpreadsheet(data);
  if (kind === 'xls') {
    throw new AppError('validation', 'Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV');
  }
  if (kind === 'zip') return 'xlsx';
  if (/\.xlsx$/i.test(fileName)) throw new AppError('validation', 'Файл назван .xlsx, но это не таблица Excel');
  const head = data.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) throw new AppError('validation', 'Файл не похож ни на XLSX, ни на CSV');
  return 'csv';
}

/** Parses an uploaded export into its header and data rows. */
export async function parseImportFile(fileName: string, data: Buffer): Promise<ParsedTable> {
  if (data.length === 0) throw new AppError('validation', 'Файл пуст');
  const format = formatOf(fileName, data);
  let table: ParsedTable;
  if (format === 'xlsx') {
    table = await readXlsxTable(data);
  } else {
    const csv = readCsvRows(data);
    table = buildTable(csv.rows, 'csv', { encoding: csv.encoding, delimiter: csv.delimiter, sheet: null });
  }
  if (table.rows.length === 0) throw new AppError('validation', 'В файле нет строк с данными под заголовком');
  if (table.rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('too_large', `В файле ${table.rows.length} строк, больше ${IMPORT_MAX_ROWS}: разделите его на части`);
  }
  return table;
}

/** Parsed files by job, so preview after preview does not parse a large file again (per node). */
const cache = new Map<string, ParsedTable>();
const CACHE_SIZE = 4;

export function rememberTable(jobId: string, table: ParsedTable): void {
  cache.delete(jobId);
  cache.set(jobId, table);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

export function cachedTable(jobId: string): ParsedTable | undefined {
  const table = cache.get(jobId);
  if (table) rememberTable(jobId, table); // most recently used last
  return table;
}
