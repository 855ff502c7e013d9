import { cellAddress, parseRange, sheetCell } from '../../workbook/addresses';
import type { GridCell, SheetGrid } from './grid';

/** Column headings over the cells figures are typed into: Number, Total, Figure … */
const VALUE_HEADING = /^(?:number|no\.?|nos\.?|total|totals|count|figure|figures|value|values|data|response|answer|result|return|this period|reporting period|period|actual|actuals)(?:\s*\(.*\))?$/i;
/** … or the period itself: "Apr–Sep 2020", "Q1", "2020-21", "Six months to 30 September". */
const PERIOD_HEADING = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d{2}\b|\bq[1-4]\b|\bh[12]\b|\b(?:six|6|three|3|twelve|12)[\s-]?months?\b|\bmid[\s-]?year\b|\byear[\s-]?end\b|\bend[\s-]?of[\s-]?year\b|\bytd\b|\byear to date\b/i;
/** Column headings over free text, never figures. */
const TEXT_HEADING = /^(?:comments?|notes?|narrative|explanation|further information|additional information|guidance|definitions?|descriptions?|details|provider comments?|commissioner comments?)\b/i;
/** A cell that is only a question number or reference: "1.1", "Q3", "2.2.1a)", "A3b". */
const QUESTION_NUMBER = /^\s*(?:(?:q(?:uestion)?\s*)?\d+(?:\.\d+)*[a-z]?|[a-z]{1,2}\d+(?:\.\d+)*[a-z]?)[.):]?\s*$/i;

/** Text that is only a number: "12", "1,234", "45%". */
const NUMBER_TEXT = /^(?:[-+]?[£$]?[\d,]*\.?\d+%?)?$/;

/** One row of a template with the text that labels it. */
export interface LabelRow {
  row: number;
  /** The label's text (several text cells of the row joined), without the cells to type into. */
  label: string;
  /** The first and last column the label spans (merges included). */
  firstColumn: number;
  lastColumn: number;
  /** Looks like a heading: bold, shaded or merged across, with nothing typed beside it. */
  heading: boolean;
}

/** A sheet of a template, indexed for the mapper: cells by position, merges, text rows and the columns to type into. */
export class TemplateSheet {
  readonly name: string;
  private readonly cells = new Map<string, GridCell>();
  /** Merged ranges by their top-left cell, and the hidden cells of each merge. */
  private readonly merges = new Map<string, { bottom: number; right: number }>();
  private readonly hidden = new Set<string>();
  private readonly hiddenColumns = new Set<number>();
  readonly rows: number[];
  readonly lastColumn: number;

  constructor(grid: SheetGrid) {
    this.name = grid.sheet;
    // A hidden column holds lookups, never a question or its answer.
    const hiddenColumns = new Set(grid.hiddenColumns);
    for (const cell of grid.cells) if (!hiddenColumns.has(cell.column)) this.cells.set(cellAddress(cell.row, cell.column), cell);
    for (const column of hiddenColumns) this.hiddenColumns.add(column);
    for (const merge of grid.merges) {
      const { top, left, bottom, right } = parseRange(merge);
      this.merges.set(cellAddress(top, left), { bottom, right });
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) this.hidden.add(cellAddress(r, c));
    }
    const cells = [...this.cells.values()];
    this.rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
    this.lastColumn = Math.max(1, ...cells.filter((c) => c.value !== null).map((c) => c.column));
  }

  at(row: number, column: number): GridCell | undefined {
    return this.cells.get(cellAddress(row, column));
  }

  reference(row: number, column: number): string {
    return sheetCell(this.name, cellAddress(row, column));
  }

  /** The text a person reads in a cell ("0-17" and "65+" included), or '' where it holds none or only a number. */
  text(row: number, column: number): string {
    const value = this.at(row, column)?.value;
    if (typeof value !== 'string') return '';
    const text = value.trim();
    return NUMBER_TEXT.test(text) || QUESTION_NUMBER.test(text) ? '' : text;
  }

  /** Hidden by a merge or in a hidden column. */
  isHidden(row: number, column: number): boolean {
    return this.hidden.has(cellAddress(row, column)) || this.hiddenColumns.has(column);
  }

  /** The last column a cell covers: itself, or the right edge of the merge it starts. */
  rightEdge(row: number, column: number): number {
    return this.merges.get(cellAddress(row, column))?.right ?? column;
  }

  /** Whether a cell's formula is one this product wrote (over the case table), not the commissioner's own. */
  static ownFormula(formula: string): boolean {
    return /\bcase\.[a-z0-9_]+/i.test(formula);
  }

  /**
   * A cell a figure could be typed into: not hidden by a merge, no words in it, and no formula of the
   * template's own (a commissioner's SUM is not an input). A number already typed, or a placeholder, is fine.
   */
  isInput(row: number, column: number): boolean {
    if (this.isHidden(row, column)) return false;
    const cell = this.at(row, column);
    if (!cell) return true;
    if (cell.formula !== null) return TemplateSheet.ownFormula(cell.formula);
    return this.text(row, column) === '' || /^(?:n\/?a|nil|none|tbc|x+|\*+|-+|–)$/i.test(String(cell.value).trim());
  }

  /** An input that shows it is one: shaded, or already holding a number or our formula. */
  isMarkedInput(row: number, column: number): boolean {
    const cell = this.at(row, column);
    return this.isInput(row, column) && cell !== undefined && (cell.filled || typeof cell.value === 'number' || cell.formula !== null);
  }

  /** The row's label: its text cells from the left, question numbers left out; null for a row with no words. */
  labelRow(row: number): LabelRow | null {
    return this.labelsOf(row)[0] ?? null;
  }

  private readonly labelCache = new Map<number, LabelRow[]>();

  /** Every label of a row, left to right: a second one after the first's cells is a block laid beside it. */
  labelsOf(row: number): LabelRow[] {
    const cached = this.labelCache.get(row);
    if (cached) return cached;
    const labels: LabelRow[] = [];
    this.labelCache.set(row, labels);
    let parts: string[] = [];
    let first = 0;
    let last = 0;
    const close = () => {
      if (!parts.length) return;
      const labelCell = this.at(row, first)!;
      let typed = false;
      for (let column = last + 1; column <= this.lastColumn + 1 && this.text(row, column) === ''; column++) if (this.isMarkedInput(row, column)) typed = true;
      labels.push({ row, label: parts.join(' '), firstColumn: first, lastColumn: last, heading: (labelCell.bold || labelCell.filled || last > first) && !typed });
      parts = [];
    };
    for (let column = 1; column <= this.lastColumn; column++) {
      const text = this.text(row, column);
      // A question number before a label is skipped; an empty cell or a number after it ends the label.
      if (text === '') {
        if (!this.isHidden(row, column)) close();
        continue;
      }
      if (!parts.length) first = column;
      parts.push(text);
      last = this.rightEdge(row, column);
      column = last;
    }
    close();
    return labels;
  }

  /** Columns headed as figure columns and as text (comment) columns by a heading row at or above this row. */
  columnsAt(row: number): { value: number | null; text: Set<number> } {
    const cached = this.columnsCache.get(row);
    if (cached) return cached;
    const above = this.rows.filter((n) => n < row);
    const found = above.length ? (this.headingColumns(above[above.length - 1]!) ?? this.columnsAt(above[above.length - 1]!)) : { value: null, text: new Set<number>() };
    this.columnsCache.set(row, found);
    return found;
  }

  private readonly columnsCache = new Map<number, { value: number | null; text: Set<number> }>();

  private readonly headingCache = new Map<number, { value: number | null; text: Set<number> } | null>();

  /** A row of column headings (Question | Number | Comments): its figure column and its text columns. */
  private headingColumns(row: number): { value: number | null; text: Set<number> } | null {
    if (this.headingCache.has(row)) return this.headingCache.get(row)!;
    let value: number | null = null;
    const text = new Set<number>();
    let numbers = 0;
    let words = 0;
    for (let column = 1; column <= this.lastColumn; column++) {
      const cell = this.at(row, column);
      if (typeof cell?.value === 'number') numbers++;
      const heading = this.text(row, column);
      if (heading === '') continue;
      words++;
      if (TEXT_HEADING.test(heading)) text.add(column);
      else if (value === null && column > 1 && (VALUE_HEADING.test(heading) || (PERIOD_HEADING.test(heading) && heading.split(/\s+/).length <= 5))) value = column;
    }
    // A heading row names its columns (Question | Number | Comments): more than one heading, no figures.
    const found = numbers === 0 && words >= 2 && (value !== null || text.size > 0) ? { value, text } : null;
    this.headingCache.set(row, found);
    return found;
  }

  /**
   * The cell a row's figure goes in: the one under the column headed Number / Total / the period, or else the
   * first cell right of the label that could hold a number (never one under a Comments heading).
   */
  inputFor(label: LabelRow): number | null {
    const columns = this.columnsAt(label.row);
    if (columns.value !== null && columns.value > label.lastColumn) return this.isInput(label.row, columns.value) ? columns.value : null;
    // The first shaded or already-filled cell before any text, else the first empty one (a spacer column is skipped only when shading shows it).
    let empty: number | null = null;
    for (let column = label.lastColumn + 1; column <= this.lastColumn + 1; column++) {
      if (columns.text.has(column) || this.isHidden(label.row, column)) continue;
      if (!this.isInput(label.row, column)) break;
      if (this.isMarkedInput(label.row, column)) return column;
      empty ??= column;
    }
    return empty;
  }
}
