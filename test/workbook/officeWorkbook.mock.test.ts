import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook } from '../../src/workbook/officeWorkbook';
import { countingRun } from '../support/officeMock';

/** Office.js's load-then-sync discipline, checked with Microsoft's office-addin-mock. */
describe('OfficeWorkbook with office-addin-mock', () => {
  function mockedExcel(values: unknown[][], formulas: unknown[][]) {
    const context = new OfficeMockObject({
      range: { values, formulas },
      workbook: {
        worksheets: {
          getItem() {
            return { getRange: () => context.range };
          },
        },
      },
    }) as unknown as OfficeMockObject & { range: OfficeMockObject; workbook: unknown };
    return countingRun(context);
  }

  it('loads, syncs once, then reads values', async () => {
    const excel = mockedExcel([[12, 'text', '']], [[12, 'text', '']]);
    expect(await new OfficeWorkbook(excel.run).read([{ sheet: 'Outputs', range: 'B2:D2' }])).toEqual([[[12, 'text', null]]]);
    expect(excel.syncs()).toBe(1);
  });

  it('tells a formula from text that only looks like one, in one sync', async () => {
    const formula = mockedExcel([[5]], [['=SUM(A1:A3)']]);
    expect(await new OfficeWorkbook(formula.run).formulas([{ sheet: 'Outputs', cell: 'B2' }])).toEqual(['SUM(A1:A3)']);
    const text = mockedExcel([['=1+1']], [['=1+1']]);
    expect(await new OfficeWorkbook(text.run).formulas([{ sheet: 'Outputs', cell: 'B2' }])).toEqual([null]);
    expect(formula.syncs() + text.syncs()).toBe(2);
  });
});
