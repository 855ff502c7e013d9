import type { RowIssue } from '../cases/rowIssues';

const HEADERS = ['Row', 'Case ID', 'Column', 'Value', 'Problem', 'What to do'];

/**
 * Every row issue as a fix list a provider can take back to the case-management system: one line per issue,
 * as CSV (with a byte-order mark, so Excel reads it as UTF-8). No cell can run as a formula when the file is
 * opened: text starting with = + - @, a tab or a carriage return is prefixed with an apostrophe.
 */
export function fixListCsv(issues: readonly RowIssue[]): string {
  const lines = [HEADERS, ...issues.map((i) => [String(i.row), i.caseId ?? '', i.column ?? '', i.value, i.message, i.fix])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A cell a spreadsheet shows as the text it is: never a formula, quoted when it holds a comma, quote or line break. */
export function csvCell(text: string): string {
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
