import { parseSheetCell } from '../workbook/addresses';
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
  };
}
