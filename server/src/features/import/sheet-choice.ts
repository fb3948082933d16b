import { REQUIRED_IMPORT_FIELDS } from '@okno/shared';
import { suggestMapping } from './headers.js';
import type { ParsedTable } from './table.js';

/** A worksheet read into a table, with what its choice depends on. */
export interface SheetCandidate {
  table: Pick<ParsedTable, 'columns' | 'rows'>;
  /** Not hidden by the workbook's author. */
  visible: boolean;
  /** 0-based position in tab order. */
  position: number;
}

/**
 * How much a sheet looks like the export's data: 2 when its header names the required columns,
 * 1 for any table (two columns, a row filling both), 0 for loose text such as instructions.
 */
export function sheetTier(table: SheetCandidate['table']): 0 | 1 | 2 {
  const mapping = suggestMapping(table.columns);
  if (REQUIRED_IMPORT_FIELDS.every((f) => mapping[f] != null)) return 2;
  const isTable = table.columns.length >= 2 && table.rows.some((r) => r.cells.filter((c) => c.trim() !== '').length >= 2);
  return isTable ? 1 : 0;
}

/**
 * Negative when `a` is the better sheet to import: one with data rows, then the higher tier,
 * then a visible sheet (hidden ones mostly hold lookup lists), then more data rows, then the
 * earlier tab.
 */
export function compareSheets(a: SheetCandidate, b: SheetCandidate): number {
  const hasRows = (c: SheetCandidate) => Number(c.table.rows.length > 0);
  return (
    hasRows(b) - hasRows(a) ||
    sheetTier(b.table) - sheetTier(a.table) ||
    Number(b.visible) - Number(a.visible) ||
    b.table.rows.length - a.table.rows.length ||
    a.position - b.position
  );
}
