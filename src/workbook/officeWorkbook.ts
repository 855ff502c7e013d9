/// <reference types="office-js" />
import { excelSerialOfJsDate } from '../engine/cases/dates';
import { CELL_TEXT_LIMIT, type RawCell } from '../engine/cases/rawTable';
import { absoluteRef, cellAddress, columnLetters, parseCell } from './addresses';
import type { GridCell, SheetGrid } from '../engine/mapping/grid';
import type { CellLook, CellStyle, CellWrite, NamedRange, RowSpool, WorkbookOperation, WorkbookPort } from './port';
import { SpooledRows, spooledWrites } from './spooledRows';
import { DATE_FORMAT, DATE_TIME_FORMAT, dateFormatOf, HEADING_COLOUR, MONTH_FORMAT, MUTED_COLOUR, STYLE_FILLS } from './styles';

/** Runs one batch against the open workbook: Excel.run in Excel, a fake in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel on the web refuses requests over 5 MB: a batch is sent before its queued writes would pass this estimate. */
const PAYLOAD_LIMIT = 4_000_000;
/**
 * The most cells one request writes or reads. Microsoft suggests blocks of some thousands of rows, and writes of
 * 20,000 cells have failed on the web: a big write goes in row blocks under this, each its own sync.
 */
export const CELLS_PER_REQUEST = 20_000;
/** A template's used range above this many cells is formatted far beyond its content. */
const GRID_CELL_LIMIT = 40_000;
/** What a protected return leaves open: formatting, so highlights and widths still work. */
const PROTECTION = { allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true };

/** What one apply() knows as it queues: the names, the notes on the cells it touches, the sheets to protect at the end. */
type Batch = { named: Set<string>; notes: Map<string, Excel.Note | null>; reprotect: Set<string> };

/**
 * The workbook port over the workbook open in Excel. Every method is one Excel.run with a fixed number of
 * context.sync calls, whatever the number of rows; writes are queued and sent together, in blocks under Excel
 * on the web's request limit. Text is written so that it can never become a formula.
 */
export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    /** Cell notes came in ExcelApi 1.18: older hosts keep the findings sheet and highlights only. */
    private readonly hasNotes: () => boolean = () => typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.18') === true,
  ) {}

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  names(): Promise<NamedRange[]> {
    return this.run(async (context) => {
      const names = context.workbook.names.load('items/name,items/formula');
      await context.sync();
      return names.items.flatMap((n) => {
        const m = /^=?'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(String(n.formula));
        return m ? [{ name: n.name, sheet: m[1]!.replace(/''/g, "'"), range: m[2]!.replace(/\$/g, '') }] : [];
      });
    });
  }

  read(ranges: { sheet: string; range: string }[]): Promise<RawCell[][][]> {
    return this.run(async (context) => {
      const loaded = ranges.map(({ sheet, range }) => context.workbook.worksheets.getItem(sheet).getRange(range).load('values'));
      await context.sync();
      return loaded.map((range) => (range.values as unknown[][]).map((row) => row.map(fromExcel)));
    });
  }

  readUsed(sheet: string): Promise<{ number: number; cells: RawCell[] }[]> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const used = worksheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return [];
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      // Read in blocks that each answer under Excel on the web's response limit: one for most sheets.
      const rowsPerBlock = Math.max(1, Math.floor(CELLS_PER_REQUEST / columnCount));
      const rows: { number: number; cells: RawCell[] }[] = [];
      const pad = Array.from({ length: columnIndex }, () => null);
      for (let first = 0; first < rowCount; first += rowsPerBlock) {
        const block = worksheet.getRangeByIndexes(rowIndex + first, columnIndex, Math.min(rowsPerBlock, rowCount - first), columnCount).load('values');
        await context.sync();
        (block.values as unknown[][]).forEach((row, i) => rows.push({ number: rowIndex + first + i + 1, cells: [...pad, ...row.map(fromExcel)] }));
      }
      return rows.filter((row) => row.cells.some((c) => c !== null));
    });
  }

  readGrid(sheet: string): Promise<SheetGrid> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      // Formatted empty cells count: a commissioner shades the cells to type into.
      const used = worksheet.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount');
      worksheet.load('visibility');
      await context.sync();
      const hidden = worksheet.visibility !== 'Visible';
      if (used.isNullObject) return { sheet, hidden, cells: [], merges: [], hiddenColumns: [] };
      // A sheet formatted down whole columns would be a million cells: then only cells holding values are read.
      const range = used.rowCount * used.columnCount > GRID_CELL_LIMIT ? worksheet.getUsedRange(true) : used;
      range.load('rowIndex,columnIndex,values,formulas');
      // Looks come back at some 70 bytes a cell: only a template-sized range asks for them, under the response limit.
      const properties = range === used ? range.getCellProperties({ format: { font: { bold: true }, fill: { color: true }, indentLevel: true } }) : null;
      // Merged areas came in ExcelApi 1.13; without them every cell of a merge reads as its own.
      const columns = Array.from({ length: range === used ? used.columnCount : 0 }, (_, j) => used.getColumn(j).load('columnHidden'));
      const merged = typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.13') ? range.getMergedAreasOrNullObject().load('areas/items/address') : null;
      await context.sync();
      const cells: GridCell[] = [];
      (range.values as unknown[][]).forEach((row, i) =>
        row.forEach((value, j) => {
          const format = properties?.value[i]?.[j]?.format;
          const formula = (range.formulas as unknown[][])[i]?.[j];
          const fill = format?.fill?.color;
          const cell: GridCell = {
            row: range.rowIndex + i + 1,
            column: range.columnIndex + j + 1,
            value: fromExcel(value),
            formula: typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula.slice(1) : null,
            bold: format?.font?.bold === true,
            filled: typeof fill === 'string' && fill !== '' && fill.toUpperCase() !== '#FFFFFF',
            indent: format?.indentLevel ?? 0,
          };
          if (cell.value !== null || cell.formula !== null || cell.bold || cell.filled || cell.indent) cells.push(cell);
        }),
      );
      const merges = merged && !merged.isNullObject ? merged.areas.items.map((area) => area.address.replace(/^.*!/, '').replace(/\$/g, '')) : [];
      const hiddenColumns = columns.flatMap((column, j) => (column.columnHidden ? [used.columnIndex + j + 1] : []));
      return { sheet, hidden, cells, merges, hiddenColumns };
    });
  }

  formulas(cells: { sheet: string; cell: string }[]): Promise<(string | null)[]> {
    return this.run(async (context) => {
      const loaded = cells.map(({ sheet, cell }) => context.workbook.worksheets.getItem(sheet).getRange(cell).load('formulas,values'));
      await context.sync();
      return loaded.map((range) => {
        const formula = (range.formulas as unknown[][])[0]?.[0];
        // Text such as "=1+1" reads back the same from values and formulas; a real formula does not.
        return typeof formula === 'string' && formula.startsWith('=') && formula !== (range.values as unknown[][])[0]?.[0] ? formula.slice(1) : null;
      });
    });
  }

  looks(cells: { sheet: string; cell: string }[]): Promise<CellLook[]> {
    return this.run(async (context) => {
      const sheet = (name: string) => context.workbook.worksheets.getItem(name);
      const fills = cells.map(({ sheet: name, cell }) => sheet(name).getRange(cell).getCellProperties({ format: { fill: { color: true, pattern: true } } }));
      const notes = this.hasNotes() ? cells.map(({ sheet: name, cell }) => sheet(name).notes.getItemOrNullObject(cell).load('content')) : null;
      await context.sync();
      return cells.map((_, i) => {
        const fill = fills[i]!.value[0]?.[0]?.format?.fill;
        const note = notes?.[i];
        // Excel reports an unfilled cell as white with no pattern.
        const none = !fill?.color || fill.pattern === 'None' || (fill.pattern === undefined && fill.color.toUpperCase() === '#FFFFFF');
        return { fill: none ? null : { color: fill.color!.toUpperCase() }, note: note && !note.isNullObject && note.content ? note.content : null };
      });
    });
  }

  apply(operations: WorkbookOperation[]): Promise<void> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const existingNames = workbook.names.load('items/name');
      const existingSheets = workbook.worksheets.load('items/name,items/protection/protected');
      await context.sync();
      const named = new Set(existingNames.items.map((n) => n.name));
      const sheets = new Set(existingSheets.items.map((s) => s.name));
      const wasProtected = new Set(existingSheets.items.filter((s) => s.protection.protected).map((s) => s.name));
      const touched = new Set(operations.filter((op) => 'sheet' in op && op.op !== 'addSheet').map((op) => (op as { sheet: string }).sheet));
      // The notes already on the cells this batch writes notes to: a note is replaced or removed, never doubled.
      const notes = new Map<string, Excel.Note | null>();
      if (this.hasNotes()) {
        const lookups = operations.flatMap((op) => (op.op === 'note' && sheets.has(op.sheet) ? [[`${op.sheet}!${op.cell}`, workbook.worksheets.getItem(op.sheet).notes.getItemOrNullObject(op.cell).load('isNullObject')] as const] : []));
        if (lookups.length) {
          await context.sync();
          for (const [key, note] of lookups) notes.set(key, note.isNullObject ? null : note);
        }
      }
      // A protected sheet opens for the writes, and closes again unless the batch unprotects it.
      const reprotect = new Set<string>();
      for (const sheet of touched)
        if (wasProtected.has(sheet)) {
          workbook.worksheets.getItem(sheet).protection.unprotect();
          reprotect.add(sheet);
        }
      const batch: Batch = { named, notes, reprotect };

      // A request is sent before what is queued would pass either limit: a constant number of syncs, plus one a block.
      const queued = { bytes: 0, cells: 0 };
      for (const op of operations)
        for (const part of op.op === 'write' ? writeBlocks(op) : op.op === 'writeSpool' ? spooledWrites(op.sheet, op.spool).flatMap(writeBlocks) : [op]) {
          const cells = part.op === 'write' ? part.rows.length * widthOf(part.rows) : 0;
          const bytes = part.op === 'write' ? part.bytes : 0;
          if (queued.cells + cells > CELLS_PER_REQUEST || queued.bytes + bytes > PAYLOAD_LIMIT) {
            await context.sync();
            queued.bytes = queued.cells = 0;
          }
          queued.bytes += this.queue(workbook, part, batch);
          queued.cells += cells;
        }
      for (const sheet of reprotect) workbook.worksheets.getItem(sheet).protection.protect(PROTECTION);
      await context.sync();
    });
  }

  rowSpool(): RowSpool {
    return new SpooledRows();
  }

  /** Queues one operation; returns a rough size of what it adds to the request. */
  private queue(workbook: Excel.Workbook, op: Exclude<WorkbookOperation, { op: 'writeSpool' }>, { named, notes, reprotect }: Batch): number {
    const sheet = (name: string) => workbook.worksheets.getItem(name);
    switch (op.op) {
      case 'addSheet': {
        const added = workbook.worksheets.add(op.sheet);
        if (op.hidden) added.visibility = 'Hidden';
        return 100;
      }
      case 'removeSheet':
        reprotect.delete(op.sheet);
        sheet(op.sheet).delete();
        return 100;
      case 'write': {
        const { row, column } = parseCell(op.at);
        const width = widthOf(op.rows);
        const rows = op.rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => null)]);
        const range = sheet(op.sheet).getRange(`${cellAddress(row, column)}:${cellAddress(row + rows.length - 1, column + width - 1)}`);
        range.formulas = rows.map((r) => r.map(toExcel)) as unknown as string[][];
        if (rows.some((r) => r.some((c) => c instanceof Date))) range.numberFormat = rows.map((r) => r.map((c) => (c instanceof Date ? dateFormatOf(c) : 'General')));
        return 'bytes' in op ? (op.bytes as number) : writeBytes(rows);
      }
      case 'style':
        styleRange(sheet(op.sheet).getRange(op.range), op.style);
        return 200;
      case 'fill': {
        const range = sheet(op.sheet).getRange(op.range);
        if (op.fill) range.format.fill.color = op.fill.color;
        else range.format.fill.clear();
        return 200;
      }
      case 'defineName':
        if (named.has(op.name)) workbook.names.getItem(op.name).delete();
        workbook.names.add(op.name, sheet(op.sheet).getRange(op.range));
        named.add(op.name);
        return 200;
      case 'removeName':
        if (named.delete(op.name)) workbook.names.getItem(op.name).delete();
        return 100;
      case 'note': {
        if (!this.hasNotes()) return 0;
        const key = `${op.sheet}!${op.cell}`;
        notes.get(key)?.delete();
        notes.set(key, op.text ? sheet(op.sheet).notes.add(op.cell, op.text) : null);
        return op.text.length * 2 + 100;
      }
      case 'link':
        sheet(op.sheet).getRange(op.cell).hyperlink = { documentReference: absoluteRef(op.target.sheet, op.target.cell).replace(/\$/g, ''), textToDisplay: op.text };
        return 200;
      case 'columnWidths':
        op.widths.forEach((width, i) => (sheet(op.sheet).getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = width * 7));
        return op.widths.length * 100;
      // Protection is applied last, once the batch's writes are in.
      case 'protect':
        reprotect.add(op.sheet);
        return 0;
      case 'unprotect':
        reprotect.delete(op.sheet);
        return 0;
    }
  }
}

type WriteOperation = Extract<WorkbookOperation, { op: 'write' }>;

const widthOf = (rows: readonly (readonly CellWrite[])[]) => rows.reduce((widest, r) => Math.max(widest, r.length), 1);

/** A rough size of a block of cells in a request: its text, twice for the number formats dates bring. */
function writeBytes(rows: readonly (readonly CellWrite[])[]): number {
  let bytes = 0;
  for (const row of rows) for (const cell of row) bytes += 8 + (typeof cell === 'string' ? Math.min(cell.length, CELL_TEXT_LIMIT) : typeof cell === 'object' && cell !== null && !(cell instanceof Date) ? cell.formula.length : 12);
  return bytes * 2;
}

/** A write as blocks of whole rows, each under the request limits (a single row over them is its own block). */
function writeBlocks(op: WriteOperation): (WriteOperation & { bytes: number })[] {
  const width = widthOf(op.rows);
  const { row, column } = parseCell(op.at);
  const blocks: (WriteOperation & { bytes: number })[] = [];
  let first = 0;
  let bytes = 0;
  const close = (end: number) => {
    if (end > first) blocks.push({ op: 'write', sheet: op.sheet, at: cellAddress(row + first, column), rows: op.rows.slice(first, end), bytes });
    first = end;
    bytes = 0;
  };
  op.rows.forEach((cells, i) => {
    const size = writeBytes([cells]);
    if ((i - first + 1) * width > CELLS_PER_REQUEST || bytes + size > PAYLOAD_LIMIT) close(i);
    bytes += size;
  });
  close(op.rows.length);
  return blocks;
}

/** What a cell holds, as Excel takes it through `formulas`: text that starts like a formula is kept as text. */
export function toExcel(cell: CellWrite): string | number | boolean {
  if (cell === null) return '';
  if (cell instanceof Date) return excelSerialOfJsDate(cell);
  if (typeof cell === 'object') return `=${cell.formula}`;
  // Excel refuses text longer than a cell holds: it is cut to the limit (the import reports it).
  if (typeof cell === 'string') return /^[=+\-@]/.test(cell) ? `'${cell.slice(0, CELL_TEXT_LIMIT)}` : cell.slice(0, CELL_TEXT_LIMIT);
  return cell;
}

/** Excel's values as cells: empty text is an empty cell. Dates stay serial numbers, which readers know. */
function fromExcel(value: unknown): RawCell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

function styleRange(range: Excel.Range, style: CellStyle): void {
  const fill = STYLE_FILLS[style];
  if (fill) range.format.fill.color = fill;
  switch (style) {
    case 'title':
      range.format.font.bold = true;
      range.format.font.size = 14;
      return;
    case 'heading':
      range.format.font.bold = true;
      range.format.font.color = HEADING_COLOUR;
      return;
    case 'table_header':
      range.format.font.bold = true;
      range.format.wrapText = true;
      return;
    case 'month_header':
      range.format.font.bold = true;
      range.numberFormat = MONTH_FORMAT as unknown as string[][];
      return;
    case 'label':
      range.format.wrapText = true;
      return;
    case 'muted':
      range.format.font.italic = true;
      range.format.font.color = MUTED_COLOUR;
      return;
    case 'input':
    case 'text_input':
    case 'date_input':
      range.format.protection.locked = false;
      if (style === 'date_input') range.numberFormat = DATE_FORMAT as unknown as string[][];
      if (style === 'text_input') range.format.wrapText = true;
      return;
    case 'date':
      // One value applies to every cell of the range.
      range.numberFormat = DATE_FORMAT as unknown as string[][];
      return;
    case 'date_time':
      range.numberFormat = DATE_TIME_FORMAT as unknown as string[][];
      return;
    default:
      return;
  }
}

