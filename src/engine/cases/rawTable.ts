import { z } from 'zod';
import { hasPlainEdges } from './textKey';

/** One cell as a reader found it: CSV gives text; xlsx and Office.js also give numbers, booleans and dates. */
export const rawCellSchema = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]);
export type RawCell = z.infer<typeof rawCellSchema>;

/** A sheet of cells, each row with the number the user sees beside it. */
export const rawTableSchema = z.object({
  source: z.string(),
  rows: z.array(z.object({ number: z.number().int().positive(), cells: z.array(rawCellSchema) })),
  /** Merged ranges of a sheet (1-based rows and columns): a reader gives the first cell's value to every cell of one. */
  merges: z.array(z.object({ top: z.number().int(), left: z.number().int(), bottom: z.number().int(), right: z.number().int() })).optional(),
  /** Rows are records of delimited text: each holds every field, so a short row lost a separator. */
  delimited: z.boolean().optional(),
  /** A workbook's other sheets, when its first was read for want of a sheet named: where else the cases may be. */
  otherSheets: z.array(z.string()).optional(),
});
export type RawTable = z.infer<typeof rawTableSchema>;

export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && !hasPlainEdges(cell) && cell.trim() === '');
}

/** A cell as text, as the user would read it in the sheet: a workbook's date with its time of day, when it has one. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    const time = iso.slice(11, 19);
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
  }
  return String(cell);
}

/** The most characters a spreadsheet cell holds (Excel's limit): longer text is cut when written. */
export const CELL_TEXT_LIMIT = 32_767;

/** The error values a spreadsheet shows where a formula failed: never a value. */
const ERROR_VALUE = /^#(?:N\/A|NAME\?|REF!|DIV\/0!|VALUE!|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

export function isErrorValue(cell: RawCell | undefined): boolean {
  return typeof cell === 'string' && cell.includes('#') && ERROR_VALUE.test(cell.trim());
}

/** A column's letters as a spreadsheet shows them: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
