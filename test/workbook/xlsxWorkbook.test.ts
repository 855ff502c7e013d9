import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { InputError } from '../../src/errors';
import { workbookPortContract } from './portContract';

workbookPortContract('XlsxWorkbook, new', async () => XlsxWorkbook.create());
workbookPortContract('XlsxWorkbook, saved and opened again', async () => XlsxWorkbook.fromBytes(await XlsxWorkbook.create().toBytes(), 'empty.xlsx'));

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
