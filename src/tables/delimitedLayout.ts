import Papa from 'papaparse';

/** The separators exports use: Excel's clipboard (tab), Excel's CSV where a comma is the decimal point (`;`), CSV, pipes. */
const DELIMITERS = ['\t', ';', ',', '|'];
/** The separator is told from the first lines: room for a report's title lines above the header row and rows below it. */
const SAMPLE_LINES = 20;
/** …and from at most this much text, which the first chunk of a file read as a stream always holds. */
export const SAMPLE_LENGTH = 64 * 1024;

export type DelimitedLayout = { body: string; delimiter: string };

/**
 * The text after any "sep=" line, and its separator: the one that line names, the one `told` (a part of a file
 * read on its own is told the file's), or the one that splits the first lines into the most rows of a table (see
 * `delimiterOf`). Null when `text` is only the start of the text (`whole` false) and too short yet to tell: the
 * whole reading, the streaming one and the parts planner all decide from the same first lines, so they agree.
 */
export function delimitedLayout(text: string, whole: true): DelimitedLayout;
export function delimitedLayout(text: string, whole: boolean, told?: string): DelimitedLayout | null;
export function delimitedLayout(text: string, whole: boolean, told?: string): DelimitedLayout | null {
  // Excel writes a "sep=;" line to say which separator follows.
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) return { body: text.slice(sep[0].length), delimiter: sep[1]! };
  if (told !== undefined) return whole || text.includes('\n') ? { body: text, delimiter: told } : null;
  const end = sampleEnd(text);
  if (end === null && !whole) return null;
  return { body: text, delimiter: delimiterOf(text.slice(0, end ?? text.length)) };
}

/** Where the sample ends: after the SAMPLE_LINES-th line break, or at SAMPLE_LENGTH, whichever is first; null if `text` ends before either. */
function sampleEnd(text: string): number | null {
  let end = 0;
  for (let lines = 0; lines < SAMPLE_LINES; lines++) {
    const next = text.indexOf('\n', end);
    if (next < 0 || next >= SAMPLE_LENGTH) return text.length >= SAMPLE_LENGTH ? SAMPLE_LENGTH : null;
    end = next + 1;
  }
  return end;
}

/**
 * The separator whose table is biggest. For each separator and each record splitting into two fields or more
 * (a candidate header row), its table is that record and the ones after it that split into two fields or more but
 * no more than it: a title line above the header ("Case report, Q1" is two fields when read with commas) makes a
 * table of one row, the header row one of every row. Ties go to the wider header, then to the order of DELIMITERS.
 * Comma when nothing splits.
 */
function delimiterOf(sample: string): string {
  let best = { delimiter: ',', rows: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_LINES }).data.map((fields) => fields.length);
    widths.forEach((width, start) => {
      const rows = width < 2 ? 0 : widths.slice(start).filter((w) => w >= 2 && w <= width).length;
      if (rows > best.rows || (rows === best.rows && rows > 0 && width > best.width)) best = { delimiter, rows, width };
    });
  }
  return best.delimiter;
}
