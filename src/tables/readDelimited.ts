import Papa from 'papaparse';
import type { RawTable } from '../engine/cases/rawTable';
import { InputError } from '../errors';

/**
 * Reads CSV (comma or semicolon), TSV (what Excel puts on the clipboard) or pipe-separated text. Row numbers are
 * records, as the rows appear when the file is opened in a spreadsheet.
 */
export function readDelimited(text: string, source: string): RawTable {
  refuseMarkup(text, source);
  const { body, delimiter } = firstLineOptions(text);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw unclosedQuote(source, (unclosed.row ?? 0) + 1);
  const rows = parsed.data.map((cells, i) => delimitedRow(cells, i + 1));
  return { source, rows, delimited: true };
}

/** The text after any "sep=" line, and its separator: the one that line names, or the one the header row uses most. */
export function firstLineOptions(text: string): { body: string; delimiter: string } {
  // Excel writes a "sep=;" line to say which separator follows.
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) return { body: text.slice(sep[0].length), delimiter: sep[1]! };
  return { body: text, delimiter: guessDelimiter(text) };
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

const DELIMITERS = ['\t', ';', ',', '|'];

/** The separator used most in the header row (outside quotes): headers are many, and rarely hold one. */
function guessDelimiter(text: string): string {
  const header = firstFilledLine(text).replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((d) => header.split(d).length - 1);
  const most = Math.max(...counts);
  return most === 0 ? ',' : DELIMITERS[counts.indexOf(most)]!;
}

/** The first line with something on it, found without splitting the whole text. */
function firstFilledLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}
