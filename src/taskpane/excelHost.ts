import { parseSheetCell, sheetCell } from '../workbook/addresses';
import { OfficeWorkbook } from '../workbook/officeWorkbook';
import type { PaneHost } from './App';
import { ReturnSession } from './returnSession';

/** The pane inside Excel: it works on the open workbook, and a finding's cell is selected in the sheet. */
export function excelHost(): PaneHost {
  return {
    kind: 'excel',
    current: new ReturnSession(new OfficeWorkbook(), 'this workbook'),
    async showCell(_, reference) {
      const { sheet, cell } = parseSheetCell(reference);
      await Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    },
    async selectedCell() {
      return Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange().load('address');
        await context.sync();
        // "'Section A'!D5:E6": a merged cell selects its whole area; its top-left cell holds the value.
        const { sheet, cell } = parseSheetCell(range.address);
        return sheetCell(sheet, cell.split(':')[0]!);
      });
    },
  };
}
