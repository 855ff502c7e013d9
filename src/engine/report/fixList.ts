import type { RowIssue } from '../cases/rowIssues';

const HEADERS = ['File', 'Row', 'Case ID', 'Column', 'Value', 'Problem', 'What to do'];

/**
 * Every row issue as a fix list a provider can take back to the case-management system: one line per issue,
 * naming the file its row is in (the case data's, `caseSource`, or an event table's; a workbook's with its sheet), as CSV (with a byte-order mark, so Excel reads it as UTF-8). No cell can run as a formula when the file is
 * opened: text starting with = + - @, a tab or a carriage return is prefixed with an apostrophe.
 */
export function fixListCsv(issues: readonly RowIssue[], caseSource: string): string {
  return fixListOfLines(issues.map((issue) => fixListLine(issue, caseSource)));
}

/** One issue's line of the fix list, so a long list can be made as the issues are found. */
export function fixListLine(i: RowIssue, caseSource: string): string {
  return [i.source ?? caseSource, String(i.row), i.caseId ?? '', i.column ?? '', i.value, i.message, i.fix].map(csvCell).join(',');
}

/** The fix list of lines made by `fixListLine`, in order. */
export function fixListOfLines(lines: readonly string[]): string {
  return `\uFEFF${[HEADERS.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

/** A cell a spreadsheet shows as the text it is: never a formula, quoted when it holds a comma, quote or line break. */
export function csvCell(text: string): string {
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
