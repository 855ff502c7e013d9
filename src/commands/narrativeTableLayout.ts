import { tableName, tableRowCount, type NarrativeTable } from '../frameworks/narrativeTables';
import { cellAddress } from '../workbook/addresses';
import type { CellStyle, WorkbookOperation } from '../workbook/port';

const INPUT_STYLE: Record<NarrativeTable['columns'][number]['type'], CellStyle> = { text: 'text_input', number: 'input', money: 'input', date: 'date_input' };

/**
 * A typed-in table in the return: its label (and help), a header row of its columns, then its rows to type into,
 * named `table.<id>` so the check reads them back wherever a provider moved the table. Returns the operations and
 * the first row after the table.
 */
export function narrativeTableLayout(table: NarrativeTable, sheet: string, start: number): { operations: WorkbookOperation[]; next: number } {
  const operations: WorkbookOperation[] = [];
  const range = (r: number, c: number, r2 = r, c2 = c) => `${cellAddress(r, c)}:${cellAddress(r2, c2)}`;
  let row = start;
  operations.push({ op: 'write', sheet, at: cellAddress(row, 1), rows: [[table.label]] }, { op: 'style', sheet, range: range(row, 1), style: 'label' });
  if (table.help || !table.rows) {
    const note = [table.help, table.rows ? null : 'Add rows by inserting them inside the table.'].filter(Boolean).join(' ');
    operations.push({ op: 'write', sheet, at: cellAddress(row, 2), rows: [[note]] }, { op: 'style', sheet, range: range(row, 2), style: 'muted' });
  }
  row += 1;
  const width = table.columns.length;
  operations.push({ op: 'write', sheet, at: cellAddress(row, 1), rows: [table.columns.map((c) => c.header)] }, { op: 'style', sheet, range: range(row, 1, row, width), style: 'table_header' });
  row += 1;
  const size = tableRowCount(table);
  table.columns.forEach((c, j) => operations.push({ op: 'style', sheet, range: range(row, j + 1, row + size - 1, j + 1), style: INPUT_STYLE[c.type] }));
  operations.push({ op: 'defineName', name: tableName(table.id), sheet, range: range(row, 1, row + size - 1, width) });
  return { operations, next: row + size + 1 };
}
