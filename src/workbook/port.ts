import type { RawCell } from '../engine/cases/rawTable';
import type { SheetGrid } from '../engine/mapping/grid';

/** What a cell holds after writing: a value, or a formula with the value it last computed to. */
export type CellWrite = RawCell | { formula: string; result?: number | string | null };

/** Looks by purpose; each adapter decides what they look like in its host. */
export type CellStyle = 'title' | 'heading' | 'label' | 'figure' | 'input' | 'date_input' | 'date' | 'table_header' | 'text_input' | 'error' | 'query' | 'info' | 'muted';

export type WorkbookOperation =
  /** A hidden sheet holds what the product records about the workbook, out of the way. */
  | { op: 'addSheet'; sheet: string; hidden?: boolean }
  | { op: 'removeSheet'; sheet: string }
  /** A block of cells from its top-left cell. */
  | { op: 'write'; sheet: string; at: string; rows: CellWrite[][] }
  | { op: 'style'; sheet: string; range: string; style: CellStyle }
  | { op: 'defineName'; name: string; sheet: string; range: string }
  /** Removes a defined name; a name that is not there is no error. */
  | { op: 'removeName'; name: string }
  /** A cell's note (comment); empty text removes it. */
  | { op: 'note'; sheet: string; cell: string; text: string }
  | { op: 'link'; sheet: string; cell: string; text: string; target: { sheet: string; cell: string } }
  | { op: 'columnWidths'; sheet: string; widths: number[] }
  /**
   * Locks the sheet's formula cells against accidental typing; cells styled as inputs stay open. A protected
   * sheet stays protected through later writes (the adapter opens and closes it) until `unprotect`.
   */
  | { op: 'protect'; sheet: string }
  | { op: 'unprotect'; sheet: string };

export interface NamedRange {
  name: string;
  sheet: string;
  /** A1 range without $ signs: "C7" or "B2:B90". */
  range: string;
}

/**
 * The narrow interface the commands need from a workbook. The file adapter implements it over .xlsx files;
 * the Office.js adapter over the open workbook. Commands plan every write, then apply them in one go, so a
 * bad input never leaves a half-written workbook and Excel makes a constant number of round trips.
 */
export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  names(): Promise<NamedRange[]>;
  /** The values of each range (formula cells give their computed value), row by row. */
  read(ranges: { sheet: string; range: string }[]): Promise<RawCell[][][]>;
  /** The rows of a sheet that hold anything, with their sheet row numbers. */
  readUsed(sheet: string): Promise<{ number: number; cells: RawCell[] }[]>;
  /** A sheet's cells with their formulas, bold, fill and indent, and its merges: what mapping a template reads. */
  readGrid(sheet: string): Promise<SheetGrid>;
  /** Formulas of single cells, or null where a cell holds a plain value. */
  formulas(cells: { sheet: string; cell: string }[]): Promise<(string | null)[]>;
  apply(operations: WorkbookOperation[]): Promise<void>;
}
