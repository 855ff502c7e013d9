import type { Framework } from '../frameworks/schema';
import type { CaseRecord } from '../engine/cases/caseRecord';
import { caseImporter, type CaseImporter, type ColumnsRead, type SheetRow } from '../engine/cases/importCases';
import type { EventRows } from '../engine/events/eventImport';
import type { RawTable } from '../engine/cases/rawTable';
import { PROGRESS_EVERY, stopIfAborted, type RunOptions } from '../engine/progress';
import { ReturnTally, type CountedEvents, type TallyOptions } from '../engine/report/returnTally';
import type { TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { WorkbookPort } from '../workbook/port';
import { CaseSheetRows } from './caseTable';
import { caseEventColumns } from './eventSheets';

/** Case rows as a fill reads them: a table in memory, or an export streamed from its file. */
export interface CaseRowStream {
  /** Where the rows come from: its name for messages, whether it is delimited text, its merged cells. */
  sheet: Omit<RawTable, 'rows'>;
  /**
   * Hands every row, in order, to what `begin` returns; an export read again from the start (in another encoding)
   * calls `begin` again. `columnsRead`, once it knows, says which columns' values the rows need: the others' may
   * come as filled or blank only (see `CaseImporter.columnsRead`).
   */
  feed(begin: () => (row: SheetRow) => void, options: RunOptions & { columnsRead?: () => ColumnsRead | null }): Promise<void>;
}

/** A table's rows as a stream, telling `onProgress` how far it has got and stopping when aborted. */
export function tableRows(table: RawTable): CaseRowStream {
  const { rows, ...sheet } = table;
  return {
    sheet,
    feed: async (begin, options) => {
      const onRow = begin();
      rows.forEach((row, i) => {
        if (i % PROGRESS_EVERY === 0) {
          stopIfAborted(options.signal);
          options.onProgress?.('reading', i, rows.length);
        }
        onRow(row);
      });
      options.onProgress?.('reading', rows.length, rows.length);
    },
  };
}

/**
 * Reads the cases once: each row goes into the tally and, as it is read, into the port's spools for the case
 * sheets, so no table of rows or cases is ever held for the write. Event tables (given whole) are read first, so
 * each case's count of its events is written with its row; the events that count come back for their sheets.
 */
export async function tallyIntoCaseSheets(
  port: WorkbookPort,
  rows: CaseRowStream,
  framework: Framework,
  period: Period,
  options: TallyOptions,
  given: readonly EventRows[] = [],
): Promise<{ report: TallyReport; sheets: CaseSheetRows; events: CountedEvents }> {
  let pass: { importer: CaseImporter; tally: ReturnTally; sheets: CaseSheetRows; read: { given: EventRows; records: CaseRecord[] }[] } | null = null;
  await rows.feed(() => {
    const tally = new ReturnTally(framework, period, options);
    const read = given.map((table) => {
      const records: CaseRecord[] = [];
      tally.feedEvents(table, 'reading', options, (record) => records.push(record));
      return { given: table, records };
    });
    const sheets = new CaseSheetRows(framework, port.rowSpool(), port.rowSpool(), caseEventColumns(framework, period, read.map((r) => ({ table: r.given.table, records: r.records }))));
    const importer = caseImporter(rows.sheet, framework, options, (record) => {
      tally.addCase(record);
      sheets.case(record);
    });
    pass = { importer, tally, sheets, read };
    return (row) => {
      sheets.pasted(row);
      importer.row(row);
    };
  }, options);
  const { importer, tally, sheets, read } = pass!;
  const report = tally.report(importer.end(), rows.sheet.source);
  const events = read.map(({ given: table, records }) => ({ table: table.table, rows: table.rows, counted: records.filter((r) => tally.counts(r)) }));
  return { report, sheets, events };
}
