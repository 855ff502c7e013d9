/// <reference types="office-js" />
import { parseSheetCell, sheetCell } from './addresses';
import type { ExcelRun } from './officeWorkbook';

/**
 * The selection in the workbook open in Excel: what the pane selects to show a person a cell, and which cell
 * the person has selected. Selecting is the one way of showing cells that changes nothing in the file.
 */
export class OfficeSelection {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  /** Selects one cell (Outputs!C20) on its sheet. */
  select(reference: string): Promise<void> {
    const { sheet, cell } = parseSheetCell(reference);
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  /** Selects these cells together on the sheet that holds most of them; with none, one cell again. */
  selectMany(references: string[]): Promise<void> {
    const bySheet = new Map<string, string[]>();
    for (const reference of references) {
      const { sheet, cell } = parseSheetCell(reference);
      bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), cell]);
    }
    const [sheet, cells] = [...bySheet].sort((a, b) => b[1].length - a[1].length)[0] ?? [null, []];
    return this.run(async (context) => {
      const worksheet = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
      worksheet.activate();
      // One multi-area selection (ExcelApi 1.9).
      if (cells.length) worksheet.getRanges(cells.join(',')).select();
      else worksheet.getRange('A1').select();
      await context.sync();
    });
  }

  /** The selected cell (the top-left one of a range, which holds a merged cell's value), as Outputs!C20. */
  selected(): Promise<string> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      const { sheet, cell } = parseSheetCell(range.address);
      return sheetCell(sheet, cell.split(':')[0]!);
    });
  }

  /** Calls back with the selected cell whenever the person selects another; returns how to stop. */
  async onChange(listener: (reference: string) => void): Promise<() => Promise<void>> {
    const handler = await this.run(async (context) => {
      const added = context.workbook.onSelectionChanged.add(async () => listener(await this.selected()));
      await context.sync();
      return added;
    });
    // A handler is removed through the context it was added in.
    return async () => {
      handler.remove();
      await handler.context.sync();
    };
  }
}
