import ExcelJS from 'exceljs';
import type { RawTable } from '../engine/cases/rawTable';
import { parseRange } from '../workbook/addresses';
import { rowValues } from '../workbook/exceljsValues';
import { InputError } from '../errors';

/** Reads one sheet of an .xlsx file (the first, or the one named) into cells with their sheet row numbers. */
export async function readWorkbookSheet(bytes: Uint8Array, fileName: string, sheetName?: string): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError(`${fileName} could not be read as an Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx, or export the cases as CSV.`);
  }
  const sheet = chosenSheet(workbook.worksheets, fileName, sheetName);
  const rows: RawTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, cells: rowValues(row) }));
  // ExcelJS gives a merge's first value to all its cells: the import says so wherever that lands in a case.
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRange);
  return { source: `${fileName}, sheet "${sheet.name}"`, rows, ...(merges.length ? { merges } : {}) };
}

/** The sheet the cases are on: the first, or the one named (case and edge spaces aside); a message listing them when there is none such. */
export function chosenSheet<Sheet extends { name: string }>(sheets: readonly Sheet[], fileName: string, sheetName: string | undefined): Sheet {
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (sheet) return sheet;
  const names = sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  throw new InputError(sheetName === undefined ? `${fileName} has no sheets.` : `${fileName} has no sheet called "${sheetName}". Its sheets are: ${names}. Name one with --sheet.`);
}
