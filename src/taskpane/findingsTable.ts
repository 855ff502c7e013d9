import { explanationKey } from '../commands/annotateReturn';
import type { Finding } from '../engine/checks/findings';

const HEADERS = ['Severity', 'Message', 'What to do', 'Cells', 'Case IDs', 'Explanation'];
const SEVERITY = { error: 'Error', query: 'Query', info: 'Info' } as const;

/** The findings as rows of a table: what the CSV export and the copied table hold. */
export function findingsRows(findings: readonly Finding[], explanations: ReadonlyMap<string, string>): string[][] {
  return [
    HEADERS,
    ...findings.map((f) => [SEVERITY[f.severity], f.message, f.hint, f.cells.join(' '), (f.cases ?? []).join(' '), explanations.get(explanationKey(f)) ?? '']),
  ];
}

/** A spreadsheet opening the file must not run a cell as a formula: text starting like one is kept as text. */
const asText = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function findingsCsv(rows: string[][]): string {
  return `${rows.map((row) => row.map((cell) => `"${asText(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
}

/** Tab-separated, as a spreadsheet pastes a table; tabs and line breaks inside a cell become spaces. */
export function findingsTsv(rows: string[][]): string {
  return `${rows.map((row) => row.map((cell) => asText(cell).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n')}\n`;
}
