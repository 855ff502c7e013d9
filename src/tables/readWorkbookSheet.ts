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
  } catch (e) {
    throw unreadableWorkbook(fileName, e);
  }
  const sheet = chosenSheet(workbook.worksheets, fileName, sheetName);
  const rows: RawTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, cells: rowValues(row) }));
  // ExcelJS gives a merge's first value to all its cells: the import says so wherever that lands in a case.
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRange);
  return { source: `${fileName}, sheet "${sheet.name}"`, rows, ...(merges.length ? { merges } : {}), ...otherSheets(workbook.worksheets, sheetName) };
}

/**
 * A file that cannot be read as a workbook, with what the reader reported in a line (no stack trace): enough for
 * the person, or whoever they ask, to tell a damaged file from some other fault.
 */
export function unreadableWorkbook(fileName: string, cause?: unknown): InputError {
  const reported = cause === undefined ? '' : ` (the reader reported: ${briefly(cause)})`;
  return new InputError(`${fileName} could not be read as an Excel workbook (.xlsx)${reported}. Open it in Excel and save it again as .xlsx, or export the cases as CSV.`);
}

/** An error's message as one short line. */
export function briefly(error: unknown): string {
  // Node's own errors come from another realm under some hosts: not `instanceof Error`, yet with a message.
  const message = (error as { message?: unknown } | null)?.message;
  const line = (typeof message === 'string' ? message : String(error)).split('\n')[0]!.trim() || 'no reason given';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** A workbook's sheets besides the first, when the first was read for want of a sheet named (for the message if it holds no cases). */
export function otherSheets(sheets: readonly { name: string }[], sheetName: string | undefined): { otherSheets?: string[] } {
  return sheetName === undefined && sheets.length > 1 ? { otherSheets: sheets.slice(1).map((s) => s.name) } : {};
}

/** The sheet the cases are on: the first, or the one named (case and edge spaces aside); a message listing them when there is none such. */
export function chosenSheet<Sheet extends { name: string }>(sheets: readonly Sheet[], fileName: string, sheetName: string | undefined): Sheet {
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (sheet) return sheet;
  const names = sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  throw new InputError(sheetName === undefined ? `${fileName} has no sheets.` : `${fileName} has no sheet called "${sheetName}". Its sheets are: ${names}. Name one with --sheet.`);
}
