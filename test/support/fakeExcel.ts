import { cellAddress, parseCell, parseRange } from '../../src/workbook/addresses';
import type { SheetGrid } from '../../src/engine/mapping/grid';
import type { ExcelRun } from '../../src/workbook/officeWorkbook';

/**
 * A small in-memory Excel for the Office.js adapter's tests: worksheets, ranges, names and protection, with
 * Office.js's rule that a loaded property can be read only after context.sync(), and a count of the syncs.
 * (office-addin-mock cannot model collections or ranges.)
 */
type Cell = { value: unknown; formula: string | null };
type Format = { bold?: boolean; fill?: string; indent?: number };

class Loadable {
  private state: 'none' | 'queued' | 'ready' = 'none';
  load(_properties?: string) {
    this.state = 'queued';
    return this;
  }
  synced() {
    if (this.state === 'queued') this.state = 'ready';
  }
  protected guard(what: string) {
    if (this.state !== 'ready') throw new Error(`${what} was read before load() and context.sync()`);
  }
}

export class FakeExcel {
  syncs = 0;
  /** The most cells written between two syncs: the largest request the add-in sends Excel. */
  largestRequest = 0;
  /** The most cells whose values or formulas were loaded between two syncs: the largest response. */
  largestRead = 0;
  private written = 0;
  private loaded = 0;
  readonly sheets = new Map<string, Map<string, Cell>>();
  readonly protectedSheets = new Set<string>();
  /** Cell notes by sheet and cell address. */
  readonly notes = new Map<string, Map<string, string>>();
  readonly names = new Map<string, { sheet: string; range: string }>();
  /** Bold, fill and indent set through a range's format, by sheet and cell address. */
  readonly formats = new Map<string, Map<string, Format>>();
  readonly hiddenSheets = new Set<string>();
  /** Merged areas ("A1:C1") by sheet. */
  readonly merges = new Map<string, string[]>();
  private pending: Loadable[] = [];

  run: ExcelRun = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  /** Something whose properties become readable at the next sync. */
  track<T extends Loadable>(o: T): T {
    this.pending.push(o);
    return o;
  }

  private context() {
    const fake = this;
    const track = <T extends Loadable>(o: T) => fake.track(o);
    const worksheet = (name: string) => {
      const ws = {
        name,
        visibility: fake.hiddenSheets.has(name) ? 'Hidden' : 'Visible',
        load: () => ws,
        getRange: (address: string) => track(new FakeRange(fake, name, address)),
        getUsedRangeOrNullObject: (valuesOnly = false) => track(new FakeUsedRange(fake, name, valuesOnly)),
        getUsedRange: (valuesOnly = false) => track(new FakeUsedRange(fake, name, valuesOnly)),
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
          track(new FakeRange(fake, name, `${cellAddress(row + 1, column + 1)}:${cellAddress(row + rows, column + columns)}`)),
        delete: () => {
          fake.sheets.delete(name);
          fake.notes.delete(name);
          fake.protectedSheets.delete(name);
        },
        protection: {
          protect: () => {
            if (fake.protectedSheets.has(name)) throw new Error(`sheet ${name} is already protected`);
            fake.protectedSheets.add(name);
          },
          unprotect: () => fake.protectedSheets.delete(name),
        },
        notes: {
          add: (cell: string, content: string) => {
            const notes = fake.notes.get(name) ?? new Map<string, string>();
            if (notes.has(cell)) throw new Error(`cell ${name}!${cell} already has a note`);
            fake.notes.set(name, notes.set(cell, content));
            return { delete: () => notes.delete(cell) };
          },
          getItemOrNullObject: (cell: string) => track(new FakeNote(fake, name, cell)),
        },
      };
      return ws;
    };
    const worksheets = Object.assign(track(new FakeCollection(() => [...fake.sheets.keys()].map((n) => ({ name: n, protection: { protected: fake.protectedSheets.has(n) } })))), {
      getItem: (name: string) => {
        if (!fake.sheets.has(name)) throw new Error(`no sheet ${name}`);
        return worksheet(name);
      },
      add: (name: string) => {
        fake.sheets.set(name, new Map());
        return Object.defineProperty({}, 'visibility', { set: (visibility: string) => (visibility === 'Hidden' ? fake.hiddenSheets.add(name) : fake.hiddenSheets.delete(name)) });
      },
    });
    const names = Object.assign(track(new FakeCollection(() => [...fake.names].map(([name, p]) => ({ name, formula: `='${p.sheet}'!${p.range}` })))), {
      getItem: (name: string) => ({ delete: () => fake.names.delete(name) }),
      add: (name: string, range: FakeRange) => fake.names.set(name, { sheet: range.sheet, range: range.address }),
    });
    return {
      workbook: {
        get worksheets() {
          return worksheets;
        },
        get names() {
          return names;
        },
      },
      sync: async () => {
        fake.syncs++;
        fake.largestRequest = Math.max(fake.largestRequest, fake.written);
        fake.largestRead = Math.max(fake.largestRead, fake.loaded);
        fake.written = fake.loaded = 0;
        for (const o of fake.pending) o.synced();
        fake.pending = [];
      },
    };
  }

  cell(sheet: string, row: number, column: number): Cell | undefined {
    return this.sheets.get(sheet)?.get(cellAddress(row, column));
  }

  setFormat(sheet: string, address: string, format: Format) {
    const formats = this.formats.get(sheet) ?? new Map<string, Format>();
    formats.set(address, { ...formats.get(address), ...format });
    this.formats.set(sheet, formats);
  }

  /** Opens a workbook's sheets as read by another adapter (a commissioner's template from its .xlsx). */
  loadGrids(grids: SheetGrid[]) {
    for (const grid of grids) {
      this.sheets.set(grid.sheet, new Map(grid.cells.map((c) => [cellAddress(c.row, c.column), { value: c.value ?? '', formula: c.formula }])));
      for (const c of grid.cells) if (c.bold || c.filled || c.indent) this.setFormat(grid.sheet, cellAddress(c.row, c.column), { bold: c.bold, indent: c.indent, ...(c.filled ? { fill: '#D9D9D9' } : {}) });
      this.merges.set(grid.sheet, grid.merges);
      if (grid.hidden) this.hiddenSheets.add(grid.sheet);
    }
  }

  /** Counts cells asked for by a load of values or formulas. */
  read(cells: number) {
    this.loaded += cells;
  }

  write(sheet: string, row: number, column: number, cell: Cell) {
    if (this.protectedSheets.has(sheet)) throw new Error(`sheet ${sheet} is protected`);
    this.written++;
    this.sheets.get(sheet)!.set(cellAddress(row, column), cell);
  }
}

/** A cell's note, or Office.js's null object where the cell has none. */
class FakeNote extends Loadable {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: string,
    private readonly cell: string,
  ) {
    super();
  }
  get isNullObject() {
    this.guard('isNullObject');
    return !this.fake.notes.get(this.sheet)?.has(this.cell);
  }
  get content() {
    this.guard('content');
    return this.fake.notes.get(this.sheet)?.get(this.cell) ?? '';
  }
  delete() {
    if (!this.fake.notes.get(this.sheet)?.delete(this.cell)) throw new Error(`no note at ${this.sheet}!${this.cell}`);
  }
}

class FakeCollection extends Loadable {
  constructor(private readonly list: () => { name: string; formula?: string; protection?: { protected: boolean } }[]) {
    super();
  }
  get items() {
    this.guard('items');
    return this.list();
  }
}

/** A block of a sheet's cells: its values and formulas as Office.js gives them, once loaded and synced. */
abstract class FakeCells extends Loadable {
  constructor(
    protected readonly fake: FakeExcel,
    readonly sheet: string,
  ) {
    super();
  }
  protected abstract cells<T>(fn: (row: number, column: number) => T): T[][];
  override load(properties = '') {
    if (/values|formulas/.test(properties)) this.fake.read(this.cells(() => 0).reduce((n, row) => n + row.length, 0));
    return super.load();
  }
  get values(): unknown[][] {
    this.guard('values');
    return this.cells((r, c) => this.fake.cell(this.sheet, r, c)?.value ?? '');
  }
  getCellProperties() {
    const result = new FakeResult(() =>
      this.cells((r, c) => {
        const f = this.fake.formats.get(this.sheet)?.get(cellAddress(r, c)) ?? {};
        return { format: { font: { bold: f.bold ?? false }, fill: f.fill ? { color: f.fill, pattern: 'Solid' } : { color: '#FFFFFF', pattern: 'None' }, indentLevel: f.indent ?? 0 } };
      }),
    );
    this.fake.track(result);
    return result;
  }
  get formulas(): unknown[][] {
    this.guard('formulas');
    return this.cells((r, c) => {
      const cell = this.fake.cell(this.sheet, r, c);
      return cell?.formula ? `=${cell.formula}` : (cell?.value ?? '');
    });
  }
}

class FakeRange extends FakeCells {
  constructor(
    fake: FakeExcel,
    sheet: string,
    readonly address: string,
  ) {
    super(fake, sheet);
    if (!fake.sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
  }
  protected cells<T>(fn: (row: number, column: number) => T): T[][] {
    if (/^[A-Z]+:[A-Z]+$/.test(this.address)) return [];
    const { top, left, bottom, right } = parseRange(this.address);
    return Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: right - left + 1 }, (_, j) => fn(top + i, left + j)));
  }
  // A range's formulas are written too; a getter and setter are declared together.
  override get formulas(): unknown[][] {
    return super.formulas;
  }
  override set formulas(rows: unknown[][]) {
    const { row, column } = parseCell(this.address.split(':')[0]!);
    rows.forEach((cells, i) =>
      cells.forEach((v, j) => {
        const cell: Cell =
          typeof v === 'string' && v.startsWith('=') ? { value: '', formula: v.slice(1) }
          : typeof v === 'string' && v.startsWith("'") ? { value: v.slice(1), formula: null }
          : { value: v, formula: null };
        this.fake.write(this.sheet, row + i, column + j, cell);
      }),
    );
  }
  /** Records bold, fill and indent, which a grid reads back; other looks are accepted and forgotten. */
  get format() {
    const set = (format: Format) => this.cells((r, c) => this.fake.setFormat(this.sheet, cellAddress(r, c), format));
    const ignore = { set: () => undefined, configurable: true };
    const font = Object.defineProperties({}, { bold: { set: (bold: boolean) => set({ bold }) }, italic: ignore, color: ignore, size: ignore });
    const fill = Object.defineProperties({ clear: () => set({ fill: undefined }) }, { color: { set: (fill: string) => set({ fill }) } });
    return Object.defineProperties({ font, fill, protection: {} }, { indentLevel: { set: (indent: number) => set({ indent }) }, wrapText: ignore, columnWidth: ignore });
  }
  set numberFormat(_: unknown) {}
  set hyperlink(link: { textToDisplay: string }) {
    const { row, column } = parseCell(this.address);
    this.fake.write(this.sheet, row, column, { value: link.textToDisplay, formula: null });
  }
}

class FakeUsedRange extends FakeCells {
  constructor(
    fake: FakeExcel,
    sheet: string,
    private readonly valuesOnly: boolean,
  ) {
    super(fake, sheet);
  }
  /** Loading again after a sync queues the range for the next one. */
  override load(properties = '') {
    this.fake.track(super.load(properties));
    return this;
  }
  private bounds() {
    const withValues = [...this.fake.sheets.get(this.sheet)!.entries()].filter(([, c]) => c.value !== '' && c.value !== null || c.formula).map(([a]) => a);
    const formatted = this.valuesOnly ? [] : [...(this.fake.formats.get(this.sheet)?.keys() ?? [])];
    const addresses = [...withValues, ...formatted].map(parseCell);
    if (!addresses.length) return null;
    const reduce = (pick: (a: { row: number; column: number }) => number, fn: (a: number, b: number) => number) => addresses.map(pick).reduce((a, b) => fn(a, b));
    return { top: reduce((a) => a.row, Math.min), left: reduce((a) => a.column, Math.min), bottom: reduce((a) => a.row, Math.max), right: reduce((a) => a.column, Math.max) };
  }
  protected cells<T>(fn: (row: number, column: number) => T): T[][] {
    const b = this.bounds()!;
    return Array.from({ length: b.bottom - b.top + 1 }, (_, i) => Array.from({ length: b.right - b.left + 1 }, (_, j) => fn(b.top + i, b.left + j)));
  }
  get isNullObject() {
    this.guard('isNullObject');
    return this.bounds() === null;
  }
  get rowIndex() {
    return this.bounds()!.top - 1;
  }
  get columnIndex() {
    return this.bounds()!.left - 1;
  }
  get rowCount() {
    const b = this.bounds()!;
    return b.bottom - b.top + 1;
  }
  get columnCount() {
    const b = this.bounds()!;
    return b.right - b.left + 1;
  }
  getColumn() {
    return this.fake.track(new FakeColumn());
  }
  getMergedAreasOrNullObject() {
    const merges = this.fake.merges.get(this.sheet) ?? [];
    const areas = new FakeMergedAreas(merges.map((m) => ({ address: `${this.sheet}!${m}` })));
    this.fake.track(areas);
    return areas;
  }
}

/** A column of a range: the fake hides none. */
class FakeColumn extends Loadable {
  get columnHidden() {
    this.guard('columnHidden');
    return false;
  }
}

/** A ClientResult: its value is there after context.sync(). */
class FakeResult<T> extends Loadable {
  constructor(private readonly compute: () => T) {
    super();
    this.load();
  }
  get value(): T {
    this.guard('value');
    return this.compute();
  }
}

class FakeMergedAreas extends Loadable {
  constructor(private readonly list: { address: string }[]) {
    super();
  }
  get isNullObject() {
    this.guard('isNullObject');
    return this.list.length === 0;
  }
  get areas() {
    this.guard('areas');
    return { items: this.list };
  }
}
