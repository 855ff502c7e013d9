import ExcelJS from 'exceljs';
import { CELL_TEXT_LIMIT, type RawCell } from '../engine/cases/rawTable';
import { InputError } from '../errors';
import { absoluteRef, cellAddress, parseCell, parseRange } from './addresses';
import { cellValue, rowValues, writeFormula } from './exceljsValues';
import type { GridCell, SheetGrid } from '../engine/mapping/grid';
import { checkWorkbookBytes } from './workbookBytes';
import type { CellFill, CellLook, CellStyle, CellWrite, NamedRange, RowSpool, WorkbookOperation, WorkbookPort } from './port';
import { SpooledRows, spooledWrites } from './spooledRows';
import { DATE_FORMAT, DATE_TIME_FORMAT, dateFormatOf, HEADING_COLOUR, MONTH_FORMAT, MUTED_COLOUR, STYLE_FILLS } from './styles';

/** ExcelJS colours are ARGB. */
const argb = (hex: string) => `FF${hex.slice(1)}`;

/**
 * Sheets streamed past ExcelJS (Node only: it compresses): their spooled rows become sheet XML as they come,
 * joined at the end to the package ExcelJS writes for the rest of the workbook, with the names over them.
 */
export interface SheetStreams {
  spool(): RowSpool;
  /** The package as pieces to write one after another: a full sheet of cases is never copied into one piece. */
  package(bytes: Uint8Array, sheets: { sheet: string; spool: RowSpool }[], names: NamedRange[]): Uint8Array[];
}

/** The workbook port over an .xlsx file held in memory, with ExcelJS; with `streams`, case sheets bypass it. */
export class XlsxWorkbook implements WorkbookPort {
  /** Sheets whose rows are streamed (each holds in ExcelJS only what was written above them), and the names over them. */
  private readonly streamed = new Map<string, RowSpool>();
  private readonly streamedNames = new Map<string, NamedRange>();

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly streams: SheetStreams | null,
  ) {}

  static create(options: { streams?: SheetStreams } = {}): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Returns Assistant';
    return new XlsxWorkbook(workbook, options.streams ?? null);
  }

  /**
   * The workbook in `bytes`. `repackaged`, once the bytes pass their checks, may rewrite the package before it is
   * loaded (the command line leaves a refill's old case sheets empty); it is given by the caller so the page's
   * bundle never carries Node's zlib.
   */
  static async fromBytes(bytes: Uint8Array, fileName: string, options: { streams?: SheetStreams; repackaged?: (bytes: Uint8Array) => Uint8Array } = {}): Promise<XlsxWorkbook> {
    checkWorkbookBytes(bytes, fileName);
    let loaded = bytes;
    try {
      if (options.repackaged) loaded = options.repackaged(bytes);
    } catch {
      // A package this reader cannot take apart (a 64-bit zip, say) is loaded as it is.
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(loaded as unknown as ArrayBuffer);
    } catch {
      throw new InputError(`${fileName} could not be read as an Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx.`);
    }
    return new XlsxWorkbook(workbook, options.streams ?? null);
  }

  async toBytes(): Promise<Uint8Array> {
    const parts = await this.toParts();
    if (parts.length === 1) return parts[0]!;
    const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
    return bytes;
  }

  /** The file as pieces to write one after another (one, unless sheets were streamed). */
  async toParts(): Promise<Uint8Array[]> {
    const bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    if (!this.streams || (this.streamed.size === 0 && this.streamedNames.size === 0)) return [bytes];
    return this.streams.package(bytes, [...this.streamed].map(([sheet, spool]) => ({ sheet, spool })), [...this.streamedNames.values()]);
  }

  rowSpool(): RowSpool {
    return this.streams?.spool() ?? new SpooledRows();
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((s) => s.name);
  }

  async names(): Promise<NamedRange[]> {
    const model = this.workbook.definedNames.model as { name: string; ranges: string[] }[];
    const names = model.flatMap(({ name, ranges }) => {
      const m = /^'?(.*?)'?!(.+)$/.exec(ranges[0] ?? '');
      return m ? [{ name, sheet: m[1]!.replace(/''/g, "'"), range: m[2]!.replace(/\$/g, '') }] : [];
    });
    return [...names, ...this.streamedNames.values()];
  }

  async read(ranges: { sheet: string; range: string }[]): Promise<RawCell[][][]> {
    return ranges.map(({ sheet, range }) => {
      const ws = this.sheet(sheet);
      const { top, left, bottom, right } = parseRange(range);
      const rows: RawCell[][] = [];
      for (let r = top; r <= bottom; r++) {
        const row: RawCell[] = [];
        for (let c = left; c <= right; c++) row.push(cellValue(ws.getCell(r, c)));
        rows.push(row);
      }
      return rows;
    });
  }

  async readUsed(sheet: string): Promise<{ number: number; cells: RawCell[] }[]> {
    const rows: { number: number; cells: RawCell[] }[] = [];
    this.sheet(sheet).eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, cells: rowValues(row) }));
    return rows;
  }

  async readGrid(sheet: string): Promise<SheetGrid> {
    const ws = this.sheet(sheet);
    const cells: GridCell[] = [];
    // Empty cells count when they are shaded or bold: a commissioner shades the cells to type into.
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) =>
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        // ExcelJS gives every cell of a merge its master's value; the sheet shows it once, in the master.
        const hidden = cell.isMerged && cell.master !== cell;
        const fill = cell.fill;
        const gridCell: GridCell = {
          row: rowNumber,
          column,
          value: hidden ? null : cellValue(cell),
          formula: !hidden && cell.type === ExcelJS.ValueType.Formula ? cell.formula : null,
          bold: cell.font?.bold === true,
          filled: fill?.type === 'pattern' && fill.pattern !== 'none',
          indent: cell.alignment?.indent ?? 0,
        };
        if (gridCell.value !== null || gridCell.formula !== null || gridCell.bold || gridCell.filled || gridCell.indent) cells.push(gridCell);
      }),
    );
    // ExcelJS keeps merges only in this internal index (its public model rebuilds every row to list them).
    const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map((m) => m.range);
    const hiddenColumns = Array.from({ length: ws.columnCount }, (_, i) => i + 1).filter((c) => ws.getColumn(c).hidden);
    return { sheet, hidden: ws.state !== 'visible' && ws.state !== undefined, cells, merges, hiddenColumns };
  }

  async formulas(cells: { sheet: string; cell: string }[]): Promise<(string | null)[]> {
    return cells.map(({ sheet, cell }) => {
      const target = this.sheet(sheet).getCell(cell);
      return target.type === ExcelJS.ValueType.Formula ? target.formula : null;
    });
  }

  async looks(cells: { sheet: string; cell: string }[]): Promise<CellLook[]> {
    return cells.map(({ sheet, cell }) => {
      const target = this.sheet(sheet).getCell(cell);
      return { fill: fillOf(target.fill), note: noteText(target.note) };
    });
  }

  async apply(operations: WorkbookOperation[]): Promise<void> {
    for (const op of operations) this.applyOne(op);
  }

  private applyOne(op: WorkbookOperation): void {
    switch (op.op) {
      case 'addSheet':
        // Printed, a sheet fits the page's width: the figures column never falls onto a page of its own.
        this.workbook.addWorksheet(op.sheet, { state: op.hidden ? 'hidden' : 'visible', pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape', paperSize: 9 } });
        return;
      case 'removeSheet': {
        const ws = this.workbook.getWorksheet(op.sheet);
        if (ws) this.workbook.removeWorksheet(ws.id);
        this.streamed.delete(op.sheet);
        return;
      }
      case 'writeSpool':
        if (this.streams) this.streamed.set(op.sheet, op.spool);
        else for (const write of spooledWrites(op.sheet, op.spool)) this.applyOne(write);
        return;
      case 'write': {
        const ws = this.sheet(op.sheet);
        const { row, column } = parseCell(op.at);
        op.rows.forEach((cells, i) => cells.forEach((value, j) => writeCell(ws.getCell(row + i, column + j), value)));
        return;
      }
      case 'style':
        this.eachCell(op.sheet, op.range, (cell) => styleCell(cell, op.style));
        return;
      case 'fill':
        this.eachCell(op.sheet, op.range, (cell) => {
          ownStyle(cell);
          if (op.fill) cell.fill = op.fill.exact ? (JSON.parse(op.fill.exact) as ExcelJS.Fill) : solid(op.fill.color);
          else delete (cell.style as { fill?: ExcelJS.Fill }).fill;
        });
        return;
      case 'defineName':
        this.removeName(op.name);
        // ExcelJS keeps a name cell by cell: a column of a streamed sheet is written into the package as it is.
        if (this.streamed.has(op.sheet)) this.streamedNames.set(op.name, { name: op.name, sheet: op.sheet, range: op.range });
        else this.workbook.definedNames.add(absoluteRef(op.sheet, op.range), op.name);
        return;
      case 'removeName':
        this.removeName(op.name);
        return;
      case 'note': {
        // An empty note removes the cell's note.
        const cell = this.sheet(op.sheet).getCell(op.cell);
        // ExcelJS saves no empty, unstyled cell, and its note with it: Excel's own bottom alignment keeps it.
        if (op.text && cell.type === ExcelJS.ValueType.Null && !cell.alignment) cell.alignment = { vertical: 'bottom' };
        if (op.text) cell.note = op.text;
        // ExcelJS's setter keeps an empty note (a blank comment in Excel), and its value's model a copy: both go.
        else {
          const internal = cell as unknown as { _comment?: unknown; _value: { model: { comment?: unknown } } };
          delete internal._comment;
          delete internal._value.model.comment;
        }
        return;
      }
      case 'link': {
        const cell = this.sheet(op.sheet).getCell(op.cell);
        ownStyle(cell);
        cell.value = { text: op.text, hyperlink: `#${absoluteRef(op.target.sheet, op.target.cell).replace(/\$/g, '')}` };
        cell.font = { color: { argb: 'FF0563C1' }, underline: true };
        return;
      }
      case 'columnWidths':
        op.widths.forEach((width, i) => (this.sheet(op.sheet).getColumn(i + 1).width = width));
        return;
      case 'protect':
        void this.sheet(op.sheet).protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
        return;
      case 'unprotect':
        this.sheet(op.sheet).unprotect();
        return;
    }
  }

  private removeName(name: string): void {
    // ExcelJS's own remove takes one cell at a time, leaving the rest of a range's name behind.
    delete (this.workbook.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap[name];
    this.streamedNames.delete(name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet "${name}"`);
    return ws;
  }

  private eachCell(sheet: string, range: string, fn: (cell: ExcelJS.Cell) => void): void {
    const ws = this.sheet(sheet);
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) fn(ws.getCell(cellAddress(r, c)));
  }
}

/**
 * Gives a cell a style object of its own. ExcelJS shares one object among the cells of a loaded workbook that
 * look alike, so setting one cell's fill would recolour every cell styled like it (a commissioner's template
 * included).
 */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

function writeCell(cell: ExcelJS.Cell, value: CellWrite): void {
  if (value instanceof Date) {
    ownStyle(cell);
    cell.value = value;
    cell.numFmt = dateFormatOf(value);
  } else if (value !== null && typeof value === 'object') {
    writeFormula(cell, value.formula, value.result);
  } else cell.value = typeof value === 'string' ? value.slice(0, CELL_TEXT_LIMIT) : value;
}

function solid(colour: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) } };
}

/** A cell's fill as the port carries it: "#RRGGBB" where the file says it, and always the exact fill. */
function fillOf(fill: ExcelJS.Fill | undefined): CellFill {
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return null;
  const rgb = fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
  // A theme colour has no RGB in the cell: Excel, restoring without `exact`, falls back to white.
  return { color: rgb && /^[0-9A-F]{8}$/i.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : '#FFFFFF', exact: JSON.stringify(fill) };
}

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined) return null;
  const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  return text || null;
}

function styleCell(cell: ExcelJS.Cell, style: CellStyle): void {
  ownStyle(cell);
  const fill = STYLE_FILLS[style];
  if (fill) cell.fill = solid(fill);
  const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  switch (style) {
    case 'title':
      cell.font = { bold: true, size: 14 };
      return;
    case 'heading':
      cell.font = { bold: true, size: 12, color: { argb: argb(HEADING_COLOUR) } };
      return;
    case 'table_header':
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
      return;
    case 'month_header':
      cell.font = { bold: true };
      cell.numFmt = MONTH_FORMAT;
      return;
    case 'label':
      cell.alignment = { wrapText: true, vertical: 'top' };
      return;
    case 'muted':
      cell.font = { italic: true, color: { argb: argb(MUTED_COLOUR) } };
      return;
    case 'input':
    case 'date_input':
    case 'text_input':
      cell.protection = { locked: false };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (style === 'date_input') cell.numFmt = DATE_FORMAT;
      if (style === 'text_input') cell.alignment = { wrapText: true, vertical: 'top' };
      return;
    case 'date':
      cell.numFmt = DATE_FORMAT;
      return;
    case 'date_time':
      cell.numFmt = DATE_TIME_FORMAT;
      return;
    case 'figure':
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      return;
    case 'error':
    case 'query':
    case 'info':
      return;
  }
}
