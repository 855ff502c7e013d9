import type { RawCell } from '../engine/cases/rawTable';
import type { SheetGrid } from '../engine/mapping/grid';

/** What a cell holds after writing: a value, or a formula with the value it last computed to. */
export type CellWrite = RawCell | { formula: string; result?: number | string | null };

/** Looks by purpose; each adapter decides what they look like in its host. */
export type CellStyle = 'title' | 'heading' | 'label' | 'figure' | 'input' | 'date_input' | 'date' | 'date_time' | 'table_header' | 'month_header' | 'text_input' | 'error' | 'query' | 'info' | 'muted';

export type WorkbookOperation =
  /** A hidden sheet holds what the product records about the workbook, out of the way. */
  | { op: 'addSheet'; sheet: string; hidden?: boolean }
  | { op: 'removeSheet'; sheet: string }
  /** A block of cells from its top-left cell. */
  | { op: 'write'; sheet: string; at: string; rows: CellWrite[][] }
  /** The rows of a spool from this port's `rowSpool`, below anything the sheet already holds. */
  | { op: 'writeSpool'; sheet: string; spool: RowSpool }
  | { op: 'style'; sheet: string; range: string; style: CellStyle }
  /** Sets a fill back as `looks` read it: a colour, the file adapter's exact fill, or none. */
  | { op: 'fill'; sheet: string; range: string; fill: CellFill }
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

/**
 * Rows handed over as an export is read, before the batch that writes them: each with its sheet row number
 * (going down the sheet), from column A. How they are kept until then is the adapter's own: in memory, or as
 * compressed sheet XML, so a full sheet of cases never sits in memory cell by cell.
 */
export interface RowSpool {
  add(row: number, cells: readonly CellWrite[]): void;
}

/**
 * A cell's fill as read before the product marks it, so the mark can be taken off again. `color` is what every
 * host understands; `exact` is the file adapter's own description (theme colours, patterns), used by that
 * adapter when it restores and ignored by Excel, which reports theme colours resolved.
 */
export type CellFill = { color: string; exact?: string } | null;

/** What a highlight and its note cover up. */
export interface CellLook {
  fill: CellFill;
  note: string | null;
}

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
  /** The fill and note of single cells. */
  looks(cells: { sheet: string; cell: string }[]): Promise<CellLook[]>;
  apply(operations: WorkbookOperation[]): Promise<void>;
  /** A spool for rows to write later with a `writeSpool` operation. */
  rowSpool(): RowSpool;
}
