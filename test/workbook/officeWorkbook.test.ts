import { fillReturn } from '../../src/commands/fillReturn';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { annotateReturn } from '../../src/commands/annotateReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { CELLS_PER_REQUEST, OfficeWorkbook, toExcel } from '../../src/workbook/officeWorkbook';
import { parseCell } from '../../src/workbook/addresses';
import { CASE_DATA_SHEET, CASES_SHEET } from '../../src/commands/returnLayout';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { FakeExcel } from '../support/fakeExcel';
import { tableOf } from '../support/tables';
import type { WorkbookPort } from '../../src/workbook/port';
import { workbookPortContract } from './portContract';

const hosts = new WeakMap<WorkbookPort, FakeExcel>();
workbookPortContract(
  'OfficeWorkbook',
  async () => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, () => true);
    hosts.set(port, excel);
    return port;
  },
  { computesFormulas: false },
  {
    notes: async (port, sheet) => Object.fromEntries(hosts.get(port)!.notes.get(sheet) ?? []),
    protectedSheets: async (port) => [...hosts.get(port)!.protectedSheets],
  },
);

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');

/** The hand-built cases repeated to the given number of rows, each with its own Case ID. */
function cases(count: number) {
  return tableOf(HEADERS, Array.from({ length: count }, (_, i) => ({ ...ROWS[i % ROWS.length]!, 'Case ID': `C${i}` })));
}

describe('OfficeWorkbook', () => {
  it('fills a return in a constant number of syncs plus one a block of case rows, no request over the cell limit', async () => {
    const fill = async (rows: number) => {
      const excel = new FakeExcel();
      await fillReturn(new OfficeWorkbook(excel.run), { framework, period, table: cases(rows) });
      return excel;
    };
    const few = (await fill(10)).syncs;
    expect(few).toBeLessThanOrEqual(3);
    const many = await fill(3000);
    // The case sheets' rows, each sheet's in blocks of whole rows under the limit.
    const width = (sheet: string) => Math.max(...[...many.sheets.get(sheet)!.keys()].map((a) => parseCell(a).column));
    const blocks = [CASE_DATA_SHEET, CASES_SHEET].reduce((n, sheet) => n + Math.ceil(3001 / Math.floor(CELLS_PER_REQUEST / width(sheet))), 0);
    expect(many.largestRequest).toBeLessThanOrEqual(CELLS_PER_REQUEST);
    expect(many.syncs).toBeGreaterThan(few);
    expect(many.syncs).toBeLessThanOrEqual(few + blocks);
    expect(many.cell(CASES_SHEET, 3001, 1)?.value).toBe(3001);
  });

  it('checks and annotates a filled return in a constant number of syncs, plus one a block of case rows read', async () => {
    const check = async (rows: number) => {
      const excel = new FakeExcel();
      const workbook = new OfficeWorkbook(excel.run);
      await fillReturn(workbook, { framework, period, table: cases(rows) });
      excel.syncs = 0;
      excel.largestRead = 0;
      const { read, findings } = await checkWorkbook(workbook, 'this workbook');
      await annotateReturn(workbook, read, findings);
      return excel;
    };
    const few = (await check(12)).syncs;
    const many = await check(1200);
    const width = Math.max(...[...many.sheets.get(CASE_DATA_SHEET)!.keys()].map((a) => parseCell(a).column));
    expect(many.syncs).toBe(few - 1 + Math.ceil(1201 / Math.floor(CELLS_PER_REQUEST / width)));
    expect(many.largestRead).toBeLessThanOrEqual(CELLS_PER_REQUEST);
  });

  it('writes every figure as a formula into named cells, and re-fills a protected return', async () => {
    const excel = new FakeExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await fillReturn(workbook, { framework, period, table: cases(20) });
    expect(excel.protectedSheets).toEqual(new Set(['Outputs', 'Demographics', 'Outcomes', 'Narrative']));
    const total = excel.names.get('referrals.total')!;
    const { row, column } = { row: Number(total.range.slice(1)), column: total.range.charCodeAt(0) - 64 };
    expect(excel.cell(total.sheet, row, column)?.formula).toMatch(/^COUNTIFS\(case\.referral_date,">="&period\.from/);
    await expect(fillReturn(workbook, { framework, period, table: cases(20) })).resolves.toBeDefined();
    expect(excel.protectedSheets).toEqual(new Set(['Outputs', 'Demographics', 'Outcomes', 'Narrative']));
  });

  it('writes findings into a protected return and leaves every sheet it touched protected again, notes replaced', async () => {
    const excel = new FakeExcel();
    const workbook = new OfficeWorkbook(excel.run, () => true);
    await fillReturn(workbook, { framework, period, table: cases(20) });
    const figureSheets = new Set(['Outputs', 'Demographics', 'Outcomes', 'Narrative']);
    const total = excel.names.get('referrals.total')!;
    // A typed figure that differs: its cell gets a highlight and a note.
    await workbook.apply([{ op: 'write', sheet: total.sheet, at: total.range, rows: [[999]] }]);
    for (let run = 0; run < 2; run++) {
      const { read, findings } = await checkWorkbook(workbook, 'this workbook');
      await annotateReturn(workbook, read, findings);
      expect(excel.protectedSheets).toEqual(figureSheets);
      expect(excel.notes.get(total.sheet)?.get(total.range)).toMatch(/^Error: Total new referrals is typed as 999/);
    }
  });

  it('sends big writes in blocks under the request limit', async () => {
    const excel = new FakeExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.apply([{ op: 'addSheet', sheet: 'Big' }]);
    excel.syncs = 0;
    const rows = Array.from({ length: 4000 }, (_, i) => Array.from({ length: 40 }, () => `case text ${i}`));
    await workbook.apply([{ op: 'write', sheet: 'Big', at: 'A1', rows: rows.slice(0, 2000) }, { op: 'write', sheet: 'Big', at: 'A2001', rows: rows.slice(2000) }]);
    expect(excel.largestRequest).toBeLessThanOrEqual(CELLS_PER_REQUEST);
    expect(excel.syncs).toBe(1 + Math.ceil(4000 / Math.floor(CELLS_PER_REQUEST / 40)));
    expect(excel.cell('Big', 4000, 40)?.value).toBe('case text 3999');
  });

  it('sends a write of long text in blocks under the payload limit', async () => {
    const excel = new FakeExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.apply([{ op: 'addSheet', sheet: 'Big' }]);
    excel.syncs = 0;
    // 300 rows of 10,000 characters: 6 MB of text in 300 cells.
    await workbook.apply([{ op: 'write', sheet: 'Big', at: 'A1', rows: Array.from({ length: 300 }, (_, i) => [`${i} `.padEnd(10_000, 'x')]) }]);
    expect(excel.syncs).toBeGreaterThan(2);
    expect(excel.cell('Big', 300, 1)?.value).toMatch(/^299 x/);
  });
});

describe('OfficeWorkbook reading a template formatted far beyond its content', () => {
  it('reads the cells holding values, and asks for no looks that would not fit in one response', async () => {
    const excel = new FakeExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.apply([{ op: 'addSheet', sheet: 'Outputs' }, { op: 'write', sheet: 'Outputs', at: 'A2', rows: [['Total number of victims', 12]] }]);
    // Shading down whole columns, as templates often carry.
    for (let row = 1; row <= 25_000; row++) for (const column of ['C', 'D']) excel.setFormat('Outputs', `${column}${row}`, { fill: '#FFF2CC' });
    const grid = await workbook.readGrid('Outputs');
    expect(grid.cells.map((c) => [c.row, c.column, c.value])).toEqual([[2, 1, 'Total number of victims'], [2, 2, 12]]);
  });
});

describe('OfficeWorkbook reading a big pasted sheet', () => {
  it('reads in blocks, each under the response limit, and keeps the sheet row numbers', async () => {
    const excel = new FakeExcel();
    const workbook = new OfficeWorkbook(excel.run);
    const rows = Array.from({ length: 6000 }, (_, i) => Array.from({ length: 30 }, (_, j) => `r${i}c${j}`));
    await workbook.apply([{ op: 'addSheet', sheet: 'Case data' }, { op: 'write', sheet: 'Case data', at: 'B3', rows }]);
    excel.syncs = 0;
    const used = await workbook.readUsed('Case data');
    expect(used).toHaveLength(6000);
    expect(used[0]).toEqual({ number: 3, cells: [null, ...rows[0]!] });
    expect(used[5999]!.number).toBe(6002);
    expect(excel.syncs).toBe(1 + Math.ceil(6000 / Math.floor(CELLS_PER_REQUEST / 30)));
    expect(excel.largestRead).toBeLessThanOrEqual(CELLS_PER_REQUEST);
  });
});

describe('toExcel', () => {
  it('keeps text that starts like a formula as text', () => {
    expect(['=SUM(A1)', '+44', '-3 days', '@risk', 'plain'].map(toExcel)).toEqual(["'=SUM(A1)", "'+44", "'-3 days", "'@risk", 'plain']);
    expect(toExcel({ formula: 'A1+1' })).toBe('=A1+1');
    expect(toExcel(new Date(Date.UTC(2020, 3, 1)))).toBe(43922);
    // A date and time keeps its time of day (a contact received at 18:00 on 1 April 2020), which durations between two read.
    expect(toExcel(new Date(Date.UTC(2020, 3, 1, 18)))).toBeCloseTo(43922.75, 9);
    expect(toExcel(null)).toBe('');
  });
});
