import { categoryListOf } from '../frameworks/expand';
import type { Column, Framework } from '../frameworks/schema';
import type { CaseRecord } from '../engine/cases/caseRecord';
import { jsDateOfDay } from '../engine/cases/dates';
import { jsDateOfDateTime } from '../engine/cases/dateTimes';
import { bankHolidaySheet, needsBankHolidays } from './bankHolidaySheet';
import type { CaseImport } from '../engine/cases/importCases';
import type { RawTable } from '../engine/cases/rawTable';
import { FLAG_TEXT } from '../engine/formulas/figureFormula';
import { caseColumnHeaders, caseColumnNames } from '../engine/formulas/names';
import { cellAddress } from '../workbook/addresses';
import type { CellWrite, WorkbookOperation } from '../workbook/port';
import { CASE_DATA_SHEET, CASES_SHEET } from './returnLayout';


/**
 * The case sheets of a filled return: the pasted original exactly as it came (for audit), and the normalised
 * case table the formulas count: canonical labels, real dates, one row per counted case, each column named.
 */
export function caseSheets(framework: Framework, original: RawTable, imported: CaseImport): WorkbookOperation[] {
  const operations: WorkbookOperation[] = [{ op: 'addSheet', sheet: CASE_DATA_SHEET }, ...blocksOf(original.rows, CASE_DATA_SHEET)];

  const counted = imported.cases.filter((c) => c.duplicateOf === null);
  const headers = ['Row in case data', ...framework.columns.flatMap(caseColumnHeaders)];
  const rows: CellWrite[][] = counted.map((record) => [record.row, ...framework.columns.flatMap((column) => cellsOf(framework, column, record))]);
  operations.push(
    { op: 'addSheet', sheet: CASES_SHEET },
    { op: 'write', sheet: CASES_SHEET, at: 'A1', rows: [headers, ...rows] },
    { op: 'style', sheet: CASES_SHEET, range: `A1:${cellAddress(1, headers.length)}`, style: 'table_header' },
    { op: 'columnWidths', sheet: CASES_SHEET, widths: headers.map((h) => Math.min(Math.max(h.length + 2, 12), 30)) },
  );
  const lastRow = Math.max(counted.length + 1, 2);
  let column = 2;
  for (const spec of framework.columns)
    for (const name of caseColumnNames(spec)) {
      operations.push({ op: 'defineName', name, sheet: CASES_SHEET, range: `${cellAddress(2, column)}:${cellAddress(lastRow, column)}` });
      if ((spec.type === 'date' || spec.type === 'datetime') && counted.length)
        operations.push({ op: 'style', sheet: CASES_SHEET, range: `${cellAddress(2, column)}:${cellAddress(lastRow, column)}`, style: spec.type === 'date' ? 'date' : 'date_time' });
      column += 1;
    }
  if (needsBankHolidays(framework)) operations.push(...bankHolidaySheet());
  return operations;
}

/** The pasted rows as few writes as their numbering allows: one block per run of consecutive rows. */
export function blocksOf(rows: RawTable['rows'], sheet: string): WorkbookOperation[] {
  const blocks: { first: number; rows: CellWrite[][] }[] = [];
  let last: { first: number; rows: CellWrite[][] } | undefined;
  for (const row of rows) {
    if (last && row.number === last.first + last.rows.length) last.rows.push(row.cells);
    else blocks.push((last = { first: row.number, rows: [row.cells] }));
  }
  return blocks.map((b) => ({ op: 'write', sheet, at: cellAddress(b.first, 1), rows: b.rows }));
}

/** A case's value in the normalised table, as a person reads it and as the formulas' criteria match it. */
export function cellsOf(framework: Framework, column: Column, record: CaseRecord): CellWrite[] {
  const value = record.values[column.key] ?? null;
  switch (column.type) {
    case 'date':
      return [typeof value === 'number' ? jsDateOfDay(value) : null];
    case 'datetime':
      return [typeof value === 'number' ? jsDateOfDateTime(value) : null];
    case 'flag':
      return [FLAG_TEXT[(value as keyof typeof FLAG_TEXT | null) ?? 'unknown']];
    case 'whole':
      return [typeof value === 'number' ? value : null];
    case 'list':
      return [Array.isArray(value) && value.length ? value.join('; ') : null];
    case 'text':
      return [typeof value === 'string' ? value : null];
    case 'category':
    case 'age': {
      const label = (id: string) => categoryListOf(framework, column.key).items.find((i) => i.id === id)?.label ?? id;
      if (column.type === 'category' && column.repeat) {
        const ids = Array.isArray(value) ? value : [];
        return Array.from({ length: column.repeat }, (_, i) => (ids[i] ? label(ids[i]) : null));
      }
      return [typeof value === 'string' ? label(value) : null];
    }
  }
}

/** The template's case-data sheet: the canonical headers, ready for a provider to paste the export under. */
export function blankCaseDataSheet(framework: Framework): WorkbookOperation[] {
  const headers = framework.columns.flatMap(caseColumnHeaders);
  return [
    { op: 'addSheet', sheet: CASE_DATA_SHEET },
    { op: 'write', sheet: CASE_DATA_SHEET, at: 'A1', rows: [headers] },
    { op: 'style', sheet: CASE_DATA_SHEET, range: `A1:${cellAddress(1, headers.length)}`, style: 'table_header' },
    { op: 'columnWidths', sheet: CASE_DATA_SHEET, widths: headers.map((h) => Math.min(Math.max(h.length + 2, 12), 30)) },
  ];
}
