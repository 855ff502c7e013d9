import { OfficeMockObject } from 'office-addin-mock';
import { OfficeSelection } from '../../src/workbook/officeSelection';
import type { ExcelRun } from '../../src/workbook/officeWorkbook';

/** Selecting cells through Office.js, checked with Microsoft's office-addin-mock: what was selected, on which sheet. */
describe('OfficeSelection with office-addin-mock', () => {
  function mockedExcel(address = "'Section A'!D13:E14") {
    const calls: string[] = [];
    const sheet = (name: string) => ({
      activate: () => void calls.push(`activate ${name}`),
      getRange: (cell: string) => ({ select: () => void calls.push(`select ${name}!${cell}`) }),
      getRanges: (cells: string) => ({ select: () => void calls.push(`select ${name}!${cells}`) }),
    });
    const context = new OfficeMockObject({
      selected: { address },
      workbook: {
        worksheets: { getItem: (name: string) => sheet(name), getActiveWorksheet: () => sheet('active') },
        getSelectedRange: () => context.selected,
      },
    }) as unknown as OfficeMockObject & { selected: OfficeMockObject };
    const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
    return { selection: new OfficeSelection(run), calls };
  }

  it('selects one cell on its sheet', async () => {
    const excel = mockedExcel();
    await excel.selection.select("'Section A'!D10");
    expect(excel.calls).toEqual(['activate Section A', 'select Section A!D10']);
  });

  it('selects many cells together on the sheet holding most of them, and one cell again when there are none', async () => {
    const excel = mockedExcel();
    await excel.selection.selectMany(['Outputs!B7', "'Section A'!D10", "'Section A'!D13"]);
    await excel.selection.selectMany([]);
    expect(excel.calls).toEqual(['activate Section A', 'select Section A!D10,D13', 'activate active', 'select active!A1']);
  });

  it("reads the selection's top-left cell, as a merged cell's value sits there", async () => {
    expect(await mockedExcel().selection.selected()).toBe("'Section A'!D13");
  });
});
