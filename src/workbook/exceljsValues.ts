import ExcelJS from 'exceljs';
import type { RawCell } from '../engine/cases/rawTable';

/** An ExcelJS cell value as a person sees it: a formula's last result, a link's text, rich text joined. */
export function plainValue(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? plainValue(v.result) : null;
    if ('result' in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('text' in v) return plainValue(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * A cell's value. Formula cells are read through `result`: ExcelJS's `value` drops a result of 0, which would
 * turn every zero figure blank.
 */
export function cellValue(cell: ExcelJS.Cell): RawCell {
  return cell.type === ExcelJS.ValueType.Formula ? plainValue(cell.result) : plainValue(cell.value);
}

/** The cells of a row from column 1 to its last used cell. */
export function rowValues(row: ExcelJS.Row): RawCell[] {
  return Array.from({ length: row.cellCount }, (_, i) => cellValue(row.getCell(i + 1)));
}

/** Writes a formula with the value it computes to, keeping a result of 0 that ExcelJS's `value` setter would drop. */
export function writeFormula(cell: ExcelJS.Cell, formula: string, result: number | string | null | undefined): void {
  cell.value = { formula } as ExcelJS.CellFormulaValue;
  if (result !== null && result !== undefined) (cell as unknown as { _value: { result: unknown } })._value.result = result;
}
