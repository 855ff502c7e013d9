import type { RawCell } from '../cases/rawTable';

/** One cell of a template as the mapper sees it: what it holds and the few looks that tell labels from inputs. */
export interface GridCell {
  row: number;
  column: number;
  /** The value a person sees (a formula's last result); null for the hidden cells of a merge. */
  value: RawCell;
  /** The formula without its leading =, or null. */
  formula: string | null;
  bold: boolean;
  /** Has a fill colour of its own (commissioners shade the cells to type into, or their headings). */
  filled: boolean;
  /** Excel's indent level (0 when none). */
  indent: number;
}

/** A worksheet's used cells, formatted empty ones included, and its merged ranges ("A1:D1"). */
export interface SheetGrid {
  sheet: string;
  /** Hidden from the person filling it (a lookup list behind a drop-down): it holds no questions. */
  hidden: boolean;
  cells: GridCell[];
  merges: string[];
  /** Columns hidden from the person filling it (1-based): never a question's cell. */
  hiddenColumns: number[];
}
