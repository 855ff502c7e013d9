import { parseSheetCell, sheetCell } from '../workbook/addresses';
import { OfficeWorkbook } from '../workbook/officeWorkbook';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { base64Of, readDocument } from './documentFile';
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
    async showCells(references) {
      const bySheet = new Map<string, string[]>();
      for (const reference of references) {
        const { sheet, cell } = parseSheetCell(reference);
        bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), cell]);
      }
      await Excel.run(async (context) => {
        const [sheet, cells] = [...bySheet].sort((a, b) => b[1].length - a[1].length)[0] ?? [null, []];
        const worksheet = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
        worksheet.activate();
        // One multi-area selection (ExcelApi 1.9); selecting is the only highlight that changes nothing in the file.
        if (cells.length) worksheet.getRanges(cells.join(',')).select();
        else worksheet.getRange('A1').select();
        await context.sync();
      });
    },
    async openSubmissionCopy(session) {
      // Made from the open workbook's file: the workbook with its cases stays as it is.
      const copy = new ReturnSession(await XlsxWorkbook.fromBytes(await readDocument(Office.context.document), session.name), session.name);
      const submission = await copy.prepareSubmission();
      await Excel.createWorkbook(base64Of(await (copy.port as XlsxWorkbook).toBytes()));
      return submission;
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
