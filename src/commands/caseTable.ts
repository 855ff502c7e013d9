import { categoryListOf } from '../frameworks/expand';
import type { Column, Framework } from '../frameworks/schema';
import type { CaseRecord } from '../engine/cases/caseRecord';
import { jsDateOfDay } from '../engine/cases/dates';
import { jsDateOfDateTime } from '../engine/cases/dateTimes';
import { bankHolidaySheet, needsBankHolidays } from './bankHolidaySheet';
import type { SheetRow } from '../engine/cases/importCases';
import { FLAG_TEXT } from '../engine/formulas/figureFormula';
import { caseColumnHeaders, caseColumnNames } from '../engine/formulas/names';
import { cellAddress } from '../workbook/addresses';
import type { CellWrite, RowSpool, WorkbookOperation } from '../workbook/port';
import { CASE_DATA_SHEET, CASES_SHEET } from './returnLayout';

/**
 * The case sheets of a filled return, spooled as the export is read: the pasted original exactly as it came (for
 * audit), and the normalised case table the formulas count: canonical labels, real dates, one row per counted
 * case, each column named.
 */
export class CaseSheetRows {
  private counted = 0;
  private readonly caseRow: (record: CaseRecord) => CellWrite[];

  constructor(
    private readonly framework: Framework,
    private readonly original: RowSpool,
    private readonly cases: RowSpool,
    /** Columns after the case's own (each case's count of its events), named like them. */
    private readonly extra: readonly ExtraCaseColumn[] = [],
  ) {
    this.caseRow = caseRowWriter(framework);
  }

  /** A row of the export as it came. */
  pasted(row: SheetRow): void {
    this.original.add(row.number, row.cells);
  }

  /** A case as the import read it: a row of the case table unless it repeats an earlier Case ID. */
  case(record: CaseRecord): void {
    if (record.duplicateOf !== null) return;
    const row = 2 + this.counted++;
    const cells = this.caseRow(record);
    for (const column of this.extra) cells.push(column.cell(record, row));
    this.cases.add(row, cells);
  }

  /** The writes that add both sheets, once every row is spooled. */
  operations(): WorkbookOperation[] {
    const headers = ['Row in case data', ...this.framework.columns.flatMap(caseColumnHeaders), ...this.extra.map((c) => c.header)];
    const operations: WorkbookOperation[] = [
      { op: 'addSheet', sheet: CASE_DATA_SHEET },
      { op: 'writeSpool', sheet: CASE_DATA_SHEET, spool: this.original },
      { op: 'addSheet', sheet: CASES_SHEET },
      { op: 'write', sheet: CASES_SHEET, at: 'A1', rows: [headers] },
      { op: 'style', sheet: CASES_SHEET, range: `A1:${cellAddress(1, headers.length)}`, style: 'table_header' },
      { op: 'columnWidths', sheet: CASES_SHEET, widths: headers.map((h) => Math.min(Math.max(h.length + 2, 12), 30)) },
      // Dates carry their own format (with the time where they have one): no style over a whole column, which the
      // file adapter would hold cell by cell.
      { op: 'writeSpool', sheet: CASES_SHEET, spool: this.cases },
    ];
    const lastRow = Math.max(this.counted + 1, 2);
    let column = 2;
    for (const spec of this.framework.columns)
      for (const name of caseColumnNames(spec)) {
        operations.push({ op: 'defineName', name, sheet: CASES_SHEET, range: `${cellAddress(2, column)}:${cellAddress(lastRow, column)}` });
        column += 1;
      }
    for (const { name } of this.extra) operations.push({ op: 'defineName', name, sheet: CASES_SHEET, range: `${cellAddress(2, column)}:${cellAddress(lastRow, column++)}` });
    if (needsBankHolidays(this.framework)) operations.push(...bankHolidaySheet());
    return operations;
  }
}

/** A column the case table holds after the case's own: its header, its name, and a case's cell in a given row. */
export interface ExtraCaseColumn {
  header: string;
  name: string;
  cell(record: CaseRecord, row: number): CellWrite;
}

/** The pasted rows as few writes as their numbering allows: one block per run of consecutive rows. */
export function blocksOf(rows: readonly SheetRow[], sheet: string): WorkbookOperation[] {
  const blocks: { first: number; rows: CellWrite[][] }[] = [];
  let last: { first: number; rows: CellWrite[][] } | undefined;
  for (const row of rows) {
    if (last && row.number === last.first + last.rows.length) last.rows.push(row.cells);
    else blocks.push((last = { first: row.number, rows: [row.cells] }));
  }
  return blocks.map((b) => ({ op: 'write', sheet, at: cellAddress(b.first, 1), rows: b.rows }));
}

/**
 * How a case (or an event: a table with columns) is written in the normalised table, as a person reads it and as
 * the formulas' criteria match it: its row in the data, then its columns.
 */
export function caseRowWriter(framework: Framework): (record: CaseRecord) => CellWrite[] {
  const writers = framework.columns.map((column) => cellsWriter(framework, column));
  return (record) => {
    const row: CellWrite[] = [record.row];
    for (const write of writers) write(record, row);
    return row;
  };
}

/** Appends a case's cells for one column to its row; category labels are looked up once per column, not per case. */
function cellsWriter(framework: Framework, column: Column): (record: CaseRecord, row: CellWrite[]) => void {
  const key = column.key;
  switch (column.type) {
    case 'date':
      return (record, row) => {
        const value = record.values[key];
        row.push(typeof value === 'number' ? jsDateOfDay(value) : null);
      };
    case 'datetime':
      return (record, row) => {
        const value = record.values[key];
        row.push(typeof value === 'number' ? jsDateOfDateTime(value) : null);
      };
    case 'flag':
      return (record, row) => {
        row.push(FLAG_TEXT[(record.values[key] as keyof typeof FLAG_TEXT | null | undefined) ?? 'unknown']);
      };
    case 'whole':
      return (record, row) => {
        const value = record.values[key];
        row.push(typeof value === 'number' ? value : null);
      };
    case 'list':
      return (record, row) => {
        const value = record.values[key];
        row.push(Array.isArray(value) && value.length ? value.join('; ') : null);
      };
    case 'text':
      return (record, row) => {
        const value = record.values[key];
        row.push(typeof value === 'string' ? value : null);
      };
    case 'category':
    case 'age': {
      const labels = new Map(categoryListOf(framework, key).items.map((i) => [i.id, i.label]));
      const label = (id: string) => labels.get(id) ?? id;
      const repeat = column.type === 'category' ? column.repeat : undefined;
      if (repeat)
        return (record, row) => {
          const value = record.values[key];
          const ids = Array.isArray(value) ? value : [];
          for (let i = 0; i < repeat; i++) row.push(ids[i] ? label(ids[i]!) : null);
        };
      return (record, row) => {
        const value = record.values[key];
        row.push(typeof value === 'string' ? label(value) : null);
      };
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
