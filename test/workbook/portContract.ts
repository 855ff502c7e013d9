import { readDate } from '../../src/engine/cases/dates';
import type { RawCell } from '../../src/engine/cases/rawTable';
import { cellAddress } from '../../src/workbook/addresses';
import type { WorkbookPort } from '../../src/workbook/port';

/** A date read back as a Date (files) or an Excel serial number (Excel): the same day either way. */
const asDay = (cell: RawCell) => {
  const reading = readDate(cell);
  return reading?.ok ? reading.day : cell;
};

/**
 * What every workbook adapter must do, whatever its host: the file adapter runs it over .xlsx files, the
 * Office.js adapter over a mocked Excel.
 */
/** What the port writes but does not read, read back from the host itself: notes and protection. */
export interface HostReadBack {
  notes(port: WorkbookPort, sheet: string): Promise<Record<string, string>>;
  protectedSheets(port: WorkbookPort): Promise<string[]>;
}

export function workbookPortContract(name: string, create: () => Promise<WorkbookPort>, host: { computesFormulas: boolean } = { computesFormulas: true }, readBack?: HostReadBack) {
  describe(`${name} (workbook port contract)`, () => {
    let port: WorkbookPort;
    beforeEach(async () => {
      port = await create();
      await port.apply([{ op: 'addSheet', sheet: 'Return' }, { op: 'addSheet', sheet: 'Case data' }]);
    });

    it('adds and removes sheets', async () => {
      expect(await port.sheetNames()).toEqual(['Return', 'Case data']);
      await port.apply([{ op: 'removeSheet', sheet: 'Case data' }]);
      expect(await port.sheetNames()).toEqual(['Return']);
    });

    it('writes blocks of values and reads them back', async () => {
      const date = new Date(Date.UTC(2020, 3, 1));
      await port.apply([{ op: 'write', sheet: 'Return', at: 'B2', rows: [['Total', 12, true], ['When', date, null]] }]);
      const [[first, second]] = (await port.read([{ sheet: 'Return', range: 'B2:D3' }])) as [RawCell[][]];
      expect(first).toEqual(['Total', 12, true]);
      expect([second![0], asDay(second![1]!), second![2]]).toEqual(['When', asDay(date), null]);
    });

    it('writes spooled rows at their row numbers from column A, below what the sheet holds', async () => {
      const spool = port.rowSpool();
      spool.add(2, ['a', 1]);
      spool.add(3, [null, true]);
      spool.add(5, ['after a gap']);
      await port.apply([{ op: 'write', sheet: 'Case data', at: 'A1', rows: [['Header', 'Count']] }, { op: 'writeSpool', sheet: 'Case data', spool }]);
      expect(await port.read([{ sheet: 'Case data', range: 'A1:B5' }])).toEqual([[['Header', 'Count'], ['a', 1], [null, true], [null, null], ['after a gap', null]]]);
    });

    it('cuts text longer than a cell holds to the limit, never writing what Excel would refuse', async () => {
      await port.apply([{ op: 'write', sheet: 'Return', at: 'A1', rows: [['x'.repeat(40_000), `=${'y'.repeat(40_000)}`]] }]);
      const [[[plain, formulaLike]]] = (await port.read([{ sheet: 'Return', range: 'A1:B1' }])) as [[[string, string]]];
      expect(plain).toBe('x'.repeat(32_767));
      expect(formulaLike).toBe(`=${'y'.repeat(32_766)}`);
    });

    it('keeps text that looks like a formula as text', async () => {
      await port.apply([{ op: 'write', sheet: 'Return', at: 'A1', rows: [['=1+1', '+44 1223', '-', '@home']] }]);
      expect(await port.read([{ sheet: 'Return', range: 'A1:D1' }])).toEqual([[['=1+1', '+44 1223', '-', '@home']]]);
      expect(await port.formulas([{ sheet: 'Return', cell: 'A1' }])).toEqual([null]);
    });

    it('writes formulas with the value they compute, zero included', async () => {
      await port.apply([{ op: 'write', sheet: 'Return', at: 'A1', rows: [[{ formula: 'SUM(B1:C1)', result: 0 }, 0, 0]] }]);
      expect(await port.formulas([{ sheet: 'Return', cell: 'A1' }, { sheet: 'Return', cell: 'B1' }])).toEqual(['SUM(B1:C1)', null]);
      if (host.computesFormulas) expect(await port.read([{ sheet: 'Return', range: 'A1' }])).toEqual([[[0]]]);
    });

    it('removes a name, and a name that is not there without complaint', async () => {
      await port.apply([
        { op: 'defineName', name: 'case.id', sheet: 'Case data', range: 'A2:A9' },
        { op: 'defineName', name: 'referrals.total', sheet: 'Return', range: 'C7' },
      ]);
      await port.apply([{ op: 'removeName', name: 'case.id' }, { op: 'removeName', name: 'never.defined' }]);
      expect(await port.names()).toEqual([{ name: 'referrals.total', sheet: 'Return', range: 'C7' }]);
    });

    it('defines names, one range each, and replaces a name defined again', async () => {
      await port.apply([
        { op: 'defineName', name: 'referrals.total', sheet: 'Return', range: 'C7' },
        { op: 'defineName', name: 'case.referral_date', sheet: 'Case data', range: 'B2:B90' },
        { op: 'defineName', name: 'referrals.total', sheet: 'Return', range: 'C8' },
      ]);
      expect((await port.names()).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'case.referral_date', sheet: 'Case data', range: 'B2:B90' },
        { name: 'referrals.total', sheet: 'Return', range: 'C8' },
      ]);
    });

    it('reads a sheet as a grid: values, formulas, bold, filled and indented cells', async () => {
      await port.apply([
        { op: 'write', sheet: 'Return', at: 'A1', rows: [['Outputs'], ['Total victims', 12, { formula: 'B2*2', result: 24 }]] },
        { op: 'style', sheet: 'Return', range: 'A1', style: 'heading' },
        { op: 'style', sheet: 'Return', range: 'B3', style: 'input' },
      ]);
      const grid = await port.readGrid('Return');
      const at = (address: string) => grid.cells.find((c) => cellAddress(c.row, c.column) === address);
      expect(grid.sheet).toBe('Return');
      expect(at('A1')).toMatchObject({ value: 'Outputs', bold: true });
      expect(at('A2')).toMatchObject({ value: 'Total victims', bold: false, filled: false, indent: 0, formula: null });
      expect(at('B2')).toMatchObject({ value: 12, formula: null });
      expect(at('C2')).toMatchObject({ formula: 'B2*2' });
      expect(at('B3')).toMatchObject({ value: null, filled: true });
      expect(at('D9')).toBeUndefined();
    });

    it('lists the rows that hold anything, with their sheet row numbers', async () => {
      await port.apply([{ op: 'write', sheet: 'Case data', at: 'A1', rows: [['Case ID', 'Crime']] }, { op: 'write', sheet: 'Case data', at: 'A3', rows: [['C1', 'Theft']] }]);
      expect(await port.readUsed('Case data')).toEqual([
        { number: 1, cells: ['Case ID', 'Crime'] },
        { number: 3, cells: ['C1', 'Theft'] },
      ]);
    });

    it('styles a cell the same way: headings bold, inputs and findings filled, labels plain', async () => {
      await port.apply([
        { op: 'write', sheet: 'Return', at: 'A1', rows: [['Outputs', 'Total', 3, 4, 5]] },
        { op: 'style', sheet: 'Return', range: 'A1', style: 'heading' },
        { op: 'style', sheet: 'Return', range: 'B1', style: 'label' },
        { op: 'style', sheet: 'Return', range: 'C1', style: 'input' },
        { op: 'style', sheet: 'Return', range: 'D1', style: 'error' },
        { op: 'style', sheet: 'Return', range: 'E1', style: 'query' },
      ]);
      const grid = await port.readGrid('Return');
      const looks = grid.cells.filter((c) => c.row === 1).sort((a, b) => a.column - b.column).map((c) => [c.bold, c.filled]);
      expect(looks).toEqual([[true, false], [false, false], [false, true], [false, true], [false, true]]);
    });

    it('reads a cell\'s fill and note, and puts them back after a highlight', async () => {
      await port.apply([
        { op: 'write', sheet: 'Return', at: 'A1', rows: [[1, 2, 3]] },
        { op: 'fill', sheet: 'Return', range: 'A1', fill: { color: '#C6E0B4' } },
        { op: 'note', sheet: 'Return', cell: 'A1', text: 'From the commissioner' },
      ]);
      const cells = ['A1', 'B1'].map((cell) => ({ sheet: 'Return', cell }));
      const before = await port.looks(cells);
      expect(before.map((l) => [l.fill?.color ?? null, l.note])).toEqual([['#C6E0B4', 'From the commissioner'], [null, null]]);
      await port.apply([
        { op: 'style', sheet: 'Return', range: 'A1:B1', style: 'error' },
        { op: 'note', sheet: 'Return', cell: 'A1', text: 'Error: does not add up' },
        { op: 'note', sheet: 'Return', cell: 'B1', text: 'Error: does not add up' },
      ]);
      expect((await port.looks(cells)).map((l) => [l.fill?.color, l.note])).toEqual([['#F8CBAD', 'Error: does not add up'], ['#F8CBAD', 'Error: does not add up']]);
      await port.apply(cells.flatMap(({ cell }, i) => [{ op: 'fill' as const, sheet: 'Return', range: cell, fill: before[i]!.fill }, { op: 'note' as const, sheet: 'Return', cell, text: before[i]!.note ?? '' }]));
      expect((await port.looks(cells)).map((l) => [l.fill?.color ?? null, l.note])).toEqual([['#C6E0B4', 'From the commissioner'], [null, null]]);
      expect(await port.read([{ sheet: 'Return', range: 'A1:C1' }])).toEqual([[[1, 2, 3]]]);
    });

    if (readBack) {
      it('writes, replaces and removes notes', async () => {
        await port.apply([
          { op: 'note', sheet: 'Return', cell: 'A1', text: 'Error: does not add up' },
          { op: 'note', sheet: 'Return', cell: 'B2', text: 'Query: explain' },
        ]);
        expect(await readBack.notes(port, 'Return')).toEqual({ A1: 'Error: does not add up', B2: 'Query: explain' });
        await port.apply([
          { op: 'note', sheet: 'Return', cell: 'A1', text: '' },
          { op: 'note', sheet: 'Return', cell: 'B2', text: '' },
          { op: 'note', sheet: 'Return', cell: 'B2', text: 'Query: explained' },
          { op: 'note', sheet: 'Return', cell: 'C3', text: '' },
        ]);
        expect(await readBack.notes(port, 'Return')).toEqual({ B2: 'Query: explained' });
      });

      it('protects and unprotects sheets, and a protected sheet stays protected through later writes', async () => {
        await port.apply([{ op: 'write', sheet: 'Return', at: 'A1', rows: [[1]] }, { op: 'protect', sheet: 'Return' }]);
        expect(await readBack.protectedSheets(port)).toEqual(['Return']);
        await port.apply([
          { op: 'write', sheet: 'Return', at: 'A1', rows: [[2]] },
          { op: 'style', sheet: 'Return', range: 'A1', style: 'query' },
          { op: 'note', sheet: 'Return', cell: 'A1', text: 'Query: check' },
        ]);
        expect(await port.read([{ sheet: 'Return', range: 'A1' }])).toEqual([[[2]]]);
        expect(await readBack.protectedSheets(port)).toEqual(['Return']);
        await port.apply([{ op: 'unprotect', sheet: 'Return' }, { op: 'write', sheet: 'Return', at: 'A1', rows: [[3]] }]);
        expect(await readBack.protectedSheets(port)).toEqual([]);
      });
    }

    it('styles, notes, links, widths and protection leave the values alone', async () => {
      await port.apply([
        { op: 'write', sheet: 'Return', at: 'A1', rows: [[5, 'x']] },
        { op: 'style', sheet: 'Return', range: 'A1:B1', style: 'error' },
        { op: 'note', sheet: 'Return', cell: 'A1', text: 'Error: does not add up' },
        { op: 'link', sheet: 'Return', cell: 'C1', text: 'Return!A1', target: { sheet: 'Return', cell: 'A1' } },
        { op: 'columnWidths', sheet: 'Return', widths: [40, 12] },
        { op: 'protect', sheet: 'Return' },
        { op: 'note', sheet: 'Return', cell: 'A1', text: '' },
      ]);
      expect(await port.read([{ sheet: 'Return', range: 'A1:C1' }])).toEqual([[[5, 'x', 'Return!A1']]]);
    });
  });
}
