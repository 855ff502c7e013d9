import type { RowIssue } from '../cases/rowIssues';

const HEADERS = ['File', 'Row', 'Case ID', 'Column', 'Value', 'Problem', 'What to do'];

/** A part of a fix list, as plain data another thread can send (its bytes transferred, not copied). */
export type FixListPart = { pieces: Uint8Array<ArrayBuffer>[]; issues: number };

/** Lines are encoded a batch at a time, about this many characters. */
const BATCH_CHARS = 2 ** 20;

/**
 * Every row issue as a fix list a provider can take back to the case-management system: one line per issue,
 * naming the file its row is in (the case data's, `caseSource`, or an event table's; a workbook's with its
 * sheet), as CSV (with a byte-order mark, so Excel reads it as UTF-8). No cell can run as a formula when the
 * file is opened: text starting with = + - @, a tab or a carriage return is prefixed with an apostrophe.
 *
 * It is made as the issues are found and kept as UTF-8 in pieces: a million-row export with a problem on every
 * row has a fix list of hundreds of megabytes, which neither an issue nor a line a row kept to the end, nor one
 * string of them all, would hold in the memory a tally has.
 */
export class FixList {
  private readonly pieces: Uint8Array<ArrayBuffer>[] = [];
  private lines: string[] = [];
  private chars = 0;
  /** The issues listed. */
  issues = 0;

  add(issue: RowIssue, caseSource: string): void {
    const line = fixListLine(issue, caseSource);
    this.lines.push(line);
    this.issues++;
    this.chars += line.length;
    if (this.chars >= BATCH_CHARS) this.encode();
  }

  /** What it lists, to be appended to the list of the rows before (`append`). */
  part(): FixListPart {
    this.encode();
    return { pieces: [...this.pieces], issues: this.issues };
  }

  /** Adds the lines of the rows after this list's, in order. */
  append({ pieces, issues }: FixListPart): void {
    this.encode();
    this.pieces.push(...pieces);
    this.issues += issues;
  }

  /** The file: its header line, then a line per issue. */
  bytes(): Uint8Array<ArrayBuffer>[] {
    this.encode();
    return [new TextEncoder().encode(`\uFEFF${HEADERS.map(csvCell).join(',')}\r\n`), ...this.pieces];
  }

  private encode(): void {
    if (this.lines.length === 0) return;
    this.pieces.push(new TextEncoder().encode(`${this.lines.join('\r\n')}\r\n`));
    this.lines = [];
    this.chars = 0;
  }
}

/** One issue's line of the fix list. */
function fixListLine(i: RowIssue, caseSource: string): string {
  return [i.source ?? caseSource, String(i.row), i.caseId ?? '', i.column ?? '', i.value, i.message, i.fix].map(csvCell).join(',');
}

/** A cell a spreadsheet shows as the text it is: never a formula, quoted when it holds a comma, quote or line break. */
export function csvCell(text: string): string {
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
