import Papa from 'papaparse';
import type { RawTable } from '../engine/cases/rawTable';
import { InputError } from '../errors';

/**
 * Reads CSV (comma or semicolon), TSV (what Excel puts on the clipboard) or pipe-separated text. Row numbers are
 * records, as the rows appear when the file is opened in a spreadsheet.
 */
export function readDelimited(text: string, source: string): RawTable {
  let body = text;
  let delimiter = '';
  // Excel writes a "sep=;" line to say which separator follows.
  const sep = /^sep=(.)\r?\n/.exec(body);
  if (sep) {
    delimiter = sep[1]!;
    body = body.slice(sep[0].length);
  }
  const parsed = Papa.parse<string[]>(body, { delimiter: delimiter || guessDelimiter(body), skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed)
    throw new InputError(`${source}: a quoted value opened in row ${(unclosed.row ?? 0) + 1} is never closed, so the rest of the file cannot be read reliably. Close the quote (") or remove it, then try again.`);
  const rows = parsed.data.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => (c === '' ? null : c)) }));
  return { source, rows, delimited: true };
}

const DELIMITERS = ['\t', ';', ',', '|'];

/** The separator used most in the header row (outside quotes): headers are many, and rarely hold one. */
function guessDelimiter(text: string): string {
  const header = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((d) => header.split(d).length - 1);
  const most = Math.max(...counts);
  return most === 0 ? ',' : DELIMITERS[counts.indexOf(most)]!;
}
