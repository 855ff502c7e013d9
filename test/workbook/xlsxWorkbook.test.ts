import { withSheetsEmptied } from '../../src/workbook/zipPackage';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { InputError } from '../../src/errors';
import ExcelJS from 'exceljs';
import type { WorkbookPort } from '../../src/workbook/port';
import { workbookPortContract, type HostReadBack } from './portContract';

/** Notes and protection as the saved file holds them, read by ExcelJS afresh. */
const saved = async (port: WorkbookPort) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (port as XlsxWorkbook).toBytes()) as unknown as ArrayBuffer);
  return workbook;
};
const readBack: HostReadBack = {
  notes: async (port, sheet) => {
    const notes: Record<string, string> = {};
    const ws = (await saved(port)).getWorksheet(sheet)!;
    // A cell holding only a note is no used cell to ExcelJS's iterators: the contract's cells are near A1.
    for (let row = 1; row <= 10; row++)
      for (let column = 1; column <= 10; column++) {
        const cell = ws.getCell(row, column);
        const note = cell.note as string | { texts?: { text: string }[] } | undefined;
        if (note) notes[cell.address] = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
      }
    return notes;
  },
  protectedSheets: async (port) => (await saved(port)).worksheets.filter((ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).map((ws) => ws.name),
};

workbookPortContract('XlsxWorkbook, new', async () => XlsxWorkbook.create(), undefined, readBack);
workbookPortContract('XlsxWorkbook, saved and opened again', async () => XlsxWorkbook.fromBytes(await XlsxWorkbook.create().toBytes(), 'empty.xlsx'), undefined, readBack);

describe('XlsxWorkbook', () => {
  it('survives a save: values, formulas with zero results, names and notes', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([
      { op: 'addSheet', sheet: 'Return' },
      { op: 'write', sheet: 'Return', at: 'A1', rows: [[{ formula: '0*1', result: 0 }, 'text', new Date(Date.UTC(2020, 8, 30))]] },
      { op: 'defineName', name: 'support.total', sheet: 'Return', range: 'A1' },
      { op: 'note', sheet: 'Return', cell: 'B1', text: 'Query: check this' },
    ]);
    const again = await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'return.xlsx');
    expect(await again.read([{ sheet: 'Return', range: 'A1:C1' }])).toEqual([[[0, 'text', new Date(Date.UTC(2020, 8, 30))]]]);
    expect(await again.formulas([{ sheet: 'Return', cell: 'A1' }])).toEqual(['0*1']);
    expect(await again.names()).toEqual([{ name: 'support.total', sheet: 'Return', range: 'A1' }]);
  });

  it('refuses a file that is not a workbook, naming it', async () => {
    await expect(XlsxWorkbook.fromBytes(new Uint8Array([1, 2, 3]), 'return.xlsx')).rejects.toThrow(InputError);
    await expect(XlsxWorkbook.fromBytes(new Uint8Array([1, 2, 3]), 'return.xlsx')).rejects.toThrow(/return\.xlsx could not be read as an Excel workbook/);
  });
});

describe('XlsxWorkbook.fromBytes with sheets to write anew', () => {
  it('loads those sheets with no cells, and every other sheet, cell and name as it was', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Return').getCell('B2').value = 12;
    workbook.definedNames.add("'Return'!$B$2", 'referrals.total');
    workbook.addWorksheet('Case data').addRows([['Case ID'], ['C1'], ['C2']]);
    workbook.addWorksheet('Notes').getCell('A1').value = 'kept';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const loaded = await XlsxWorkbook.fromBytes(bytes, 'return.xlsx', { repackaged: (b) => withSheetsEmptied(b, ['Case data', 'Not there']) });
    expect(await loaded.sheetNames()).toEqual(['Return', 'Case data', 'Notes']);
    expect(await loaded.readUsed('Case data')).toEqual([]);
    expect(await loaded.read([{ sheet: 'Return', range: 'B2' }, { sheet: 'Notes', range: 'A1' }])).toEqual([[[12]], [['kept']]]);
    expect(await loaded.names()).toEqual([{ name: 'referrals.total', sheet: 'Return', range: 'B2' }]);
    expect(await (await XlsxWorkbook.fromBytes(bytes, 'return.xlsx')).readUsed('Case data')).toHaveLength(3);
  });
});
