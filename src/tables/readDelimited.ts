import Papa from 'papaparse';
import type { RawTable } from '../engine/cases/rawTable';
import { InputError } from '../errors';
import { delimitedLayout } from './delimitedLayout';

/**
 * Reads CSV (comma or semicolon), TSV (what Excel puts on the clipboard) or pipe-separated text. Row numbers are
 * records, as the rows appear when the file is opened in a spreadsheet.
 */
export function readDelimited(text: string, source: string): RawTable {
  refuseMarkup(text, source);
  const { body, delimiter } = delimitedLayout(text, true);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw unclosedQuote(source, (unclosed.row ?? 0) + 1);
  const rows = parsed.data.map((cells, i) => delimitedRow(cells, i + 1));
  return { source, rows, delimited: true };
}

/**
 * A parsed record as a sheet row: an empty field is a blank cell. The parser's array is the parser's no longer,
 * so it is made the row's in place: no second array per row of a million-row export.
 */
export function delimitedRow(cells: string[], number: number): RawTable['rows'][number] {
  const row: (string | null)[] = cells;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    if (cell === '') row[i] = null;
    // Exports keep leading zeros and dates as text by writing them as Excel text formulas: ="00123", ="02/05/2020".
    else if (cell.charCodeAt(0) === 0x3d && TEXT_FORMULA.test(cell)) row[i] = cell.slice(2, -1).replace(/""/g, '"') || null;
  }
  return { number, cells: row };
}

/** An Excel text formula as a delimited cell: =, then a quoted text (its quotes doubled). */
const TEXT_FORMULA = /^="(?:[^"]|"")*"$/;

export const unclosedQuote = (source: string, row: number) =>
  new InputError(`${source}: a quoted value opened in row ${row} is never closed, so the rest of the file cannot be read reliably. Close the quote (") or remove it, then try again.`);

/** How a web page or an XML spreadsheet begins: what a case-management system's "Excel" export often is. */
const MARKUP = /^\s*<(?:!doctype\s+html|html|head|body|table|meta|\?xml)\b/i;

/** Refuses a web page or XML file given as delimited text: read as CSV, its tags would be taken for the header row. */
export function refuseMarkup(start: string, source: string): void {
  if (MARKUP.test(start))
    throw new InputError(
      `${source} is a web page (HTML) or XML file, not a CSV, TSV or .xlsx file: some case-management systems save their "Excel" export this way. Open it in Excel and save it as an Excel workbook (.xlsx) or CSV, then use that file.`,
    );
}

export const NOT_TEXT = (source: string) => `${source} is not a CSV, TSV or .xlsx file. Export the case data as CSV or .xlsx.`;
