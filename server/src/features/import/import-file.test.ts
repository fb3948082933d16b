import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, readCsvRows } from './csv.js';
import { detectPreset, recognizeHeader, suggestMapping } from './headers.js';
import { formatOf, parseImportFile } from './import-file.js';
import { compareSheets, sheetTier } from './sheet-choice.js';
import { cellText } from './xlsx.js';

const POS_HEADERS = ['№', 'Номер обращения', 'Дата поступления', 'Категория', 'Подкатегория', 'Текст обращения', 'Заявитель', 'Адрес', 'Муниципальное образование', 'Статус'];
const IM_HEADERS = ['ID', 'Дата публикации', 'Соцсеть', 'Автор', 'Текст поста', 'Ссылка на пост', 'Тема', 'Район', 'Важность', 'Охват'];

/** Windows-1251 bytes of Cyrillic text (А–я are 0xC0–0xFF, ё 0xB8, Ё 0xA8). */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'ё') return 0xb8;
      if (ch === 'Ё') return 0xa8;
      if (code < 0x80) return code;
      throw new Error(`no cp1251 byte for ${ch}`);
    }),
  );
}

describe('header recognition', () => {
  it('maps the typical headers of a ПОС export to item fields', () => {
    const m = suggestMapping(POS_HEADERS);
    expect(m).toMatchObject({ externalId: 1, receivedAt: 2, category: 4, sector: 3, text: 5, authorName: 6, address: 7, territory: 8 });
    expect(m.kind).toBeUndefined();
    expect(detectPreset(POS_HEADERS)).toBe('pos');
  });

  it('maps the typical headers of an «Инцидент Менеджмент» export', () => {
    const m = suggestMapping(IM_HEADERS);
    expect(m).toMatchObject({ externalId: 0, receivedAt: 1, channel: 2, authorName: 3, text: 4, link: 5, category: 6, territory: 7, importance: 8 });
    expect(detectPreset(IM_HEADERS)).toBe('im');
  });

  it('prefers «Номер обращения» over a bare row counter and ignores case, ё and punctuation', () => {
    expect(suggestMapping(['№ п/п', 'ID', 'НОМЕР СООБЩЕНИЯ:', 'Текст сообщения']).externalId).toBe(2);
    expect(recognizeHeader('Дата и время создания')).toBe('receivedAt');
    expect(recognizeHeader('Адрес публикации')).toBe('link');
    expect(recognizeHeader('Ответственный')).toBeNull();
    expect(detectPreset(['a', 'b'])).toBeNull();
  });
});

describe('CSV reading', () => {
  it('reads UTF-8 with a BOM and a `;` delimiter, quoted fields with newlines and `;` inside', () => {
    const text = 'Номер;Текст\r\n1;"Первая строка\r\nвторая; с точкой с запятой"\r\n2;Просто\r\n';
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const { rows, encoding, delimiter } = readCsvRows(data);
    expect([encoding, delimiter]).toEqual(['utf-8', ';']);
    expect(rows[0]!.cells).toEqual(['Номер', 'Текст']); // no BOM glued to the first header
    expect(rows[1]).toEqual({ row: 2, cells: ['1', 'Первая строка\r\nвторая; с точкой с запятой'] });
    expect(rows[2]!.row).toBe(3);
  });

  it('detects `,` and tab delimiters and skips a title line without delimiters', () => {
    expect(detectDelimiter('Номер,Текст,Дата\n1,"а, б",01.01.2025')).toBe(',');
    expect(detectDelimiter('Номер\tТекст\n1\tа; б; в; г')).toBe('\t');
    expect(detectDelimiter('Выгрузка за январь\nНомер;Текст, с запятой\n')).toBe(';');
  });

  it('reads Windows-1251 when the bytes are not UTF-8, and UTF-16 by its BOM', () => {
    expect(decodeText(cp1251('Номер;Текст обращения\n1;Яма на дороге, ёлка'))).toEqual({
      text: 'Номер;Текст обращения\n1;Яма на дороге, ёлка',
      encoding: 'windows-1251',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Номер\tТекст', 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text: 'Номер\tТекст', encoding: 'utf-16le' });
  });
});

describe('file format and XLSX cells', () => {
  it('tells XLSX from CSV by the bytes and refuses old XLS and binary junk', () => {
    expect(formatOf('a.csv', Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(() => formatOf('export.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0]))).toThrow(/XLS/);
    expect(() => formatOf('a.bin', Buffer.from([1, 0, 2, 3]))).toThrow(/ни на XLSX, ни на CSV/);
    expect(formatOf('a.txt', Buffer.from('Номер;Текст'))).toBe('csv');
  });

  it('reads exceljs cell values as text: dates as the wall clock, rich text, links, formulas', () => {
    expect(cellText(new Date(Date.UTC(2025, 0, 5, 10, 30)))).toBe('05.01.2025 10:30');
    expect(cellText(new Date(Date.UTC(2025, 0, 5)))).toBe('05.01.2025');
    expect(cellText({ richText: [{ text: 'Иван ' }, { text: 'Петров' }] })).toBe('Иван Петров');
    expect(cellText({ text: 'https://vk.com/wall1_2', hyperlink: 'https://vk.com/wall1_2' })).toBe('https://vk.com/wall1_2');
    expect(cellText({ formula: 'A1+1', result: 42 })).toBe('42');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(1234567)).toBe('1234567');
  });

  it('parses an XLSX with a title above the header and numbers rows as Excel does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Выгрузка');
    ws.addRow(['Выгрузка сообщений ПОС за январь']);
    ws.addRow([]);
    ws.addRow(POS_HEADERS);
    ws.addRow([1, 'П-1', new Date(Date.UTC(2025, 0, 5, 9, 15)), 'ЖКХ', 'Отопление', 'Холодно в квартире', 'Иванов', 'ул. Ленина, 1', 'город Курск', 'Новое']);
    ws.addRow([]);
    ws.addRow([2, 'П-2', new Date(Date.UTC(2025, 0, 6)), 'Дороги', 'Ямы', 'Яма', 'Петров', '', '', '']);
    const table = await parseImportFile('pos.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(table.format).toBe('xlsx');
    expect(table.sheet).toEqual({ name: 'Выгрузка', index: 1, count: 1 });
    expect(table.headerRow).toBe(3);
    expect(table.columns).toEqual(POS_HEADERS);
    expect(table.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(table.rows[0]!.cells.slice(0, 3)).toEqual(['1', 'П-1', '05.01.2025 09:15']);
  });

  it('reads the sheet that holds the data, not a leading instruction sheet, and says which', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Инструкция');
    notes.addRow(['Выгрузка обращений ПОС']);
    notes.addRow(['Данные на листе «Обращения»']);
    const data = wb.addWorksheet('Обращения');
    data.addRow(POS_HEADERS);
    data.addRow([1, 'П-1', '05.01.2025 09:15', 'ЖКХ', 'Отопление', 'Холодно', 'Иванов', '', '', '']);
    data.addRow([2, 'П-2', '06.01.2025 10:00', 'Дороги', 'Ямы', 'Яма', 'Петров', '', '', '']);
    const lookups = wb.addWorksheet('Справочник');
    lookups.state = 'hidden';
    for (let i = 0; i < 30; i++) lookups.addRow([`К-${i}`, `Категория ${i}`]);
    const table = await parseImportFile('pos.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(table.sheet).toEqual({ name: 'Обращения', index: 2, count: 3 });
    expect(table.columns).toEqual(POS_HEADERS);
    expect(table.rows.map((r) => r.cells[1])).toEqual(['П-1', 'П-2']);
  });

  it('ranks sheets: data rows, then named required columns, then visible, then more rows, then the earlier tab', () => {
    const rows = (n: number, width = 2) => Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: Array.from({ length: width }, () => `v${i}`) }));
    const sheet = (columns: string[], n: number, position: number, visible = true) => ({ table: { columns, rows: rows(n, columns.length) }, visible, position });
    const pos = sheet(['Номер обращения', 'Текст обращения'], 3, 1);
    const pivot = sheet(['Категория', 'Количество'], 40, 2);
    const text = sheet(['Выгрузка обращений'], 1, 0);
    expect([sheetTier(pos.table), sheetTier(pivot.table), sheetTier(text.table)]).toEqual([2, 1, 0]);
    expect(compareSheets(pos, pivot)).toBeLessThan(0);
    expect(compareSheets(pivot, text)).toBeLessThan(0);
    expect(compareSheets(sheet(['A', 'B'], 5, 3), sheet(['A', 'B'], 50, 4, false))).toBeLessThan(0); // hidden loses
    expect(compareSheets(sheet(['A', 'B'], 50, 4), sheet(['A', 'B'], 5, 3))).toBeLessThan(0); // more rows win
    expect(compareSheets(sheet(['A', 'B'], 5, 3), sheet(['A', 'B'], 5, 4))).toBeLessThan(0); // then the earlier tab
    expect(compareSheets(text, sheet(['Номер обращения', 'Текст обращения'], 0, 1))).toBeLessThan(0); // a bare header is no data
  });

  it('refuses a ZIP that is not a workbook (a Word file named .xlsx) as not an Excel table', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Номер;Текст')] }] }));
    expect(formatOf('report.xlsx', docx)).toBe('xlsx'); // a zip by its bytes…
    await expect(parseImportFile('report.xlsx', docx)).rejects.toThrow(/не таблица Excel/); // …but no sheets in it
  });

  it('refuses a file with a header and no data rows', async () => {
    await expect(parseImportFile('e.csv', Buffer.from('Номер;Текст\n'))).rejects.toThrow(/нет строк с данными/);
  });
});
