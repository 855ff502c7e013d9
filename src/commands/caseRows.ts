import type { Framework } from '../frameworks/schema';
import { caseImporter, type CaseImporter, type SheetRow } from '../engine/cases/importCases';
import type { RawTable } from '../engine/cases/rawTable';
import { PROGRESS_EVERY, stopIfAborted, type RunOptions } from '../engine/progress';
import { tallyReportOf, type TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import { TallyCounter } from '../engine/tally/tally';
import type { WorkbookPort } from '../workbook/port';
import { CaseSheetRows } from './caseTable';

/** Case rows as a fill reads them: a table in memory, or an export streamed from its file. */
export interface CaseRowStream {
  /** Where the rows come from: its name for messages, whether it is delimited text, its merged cells. */
  sheet: Omit<RawTable, 'rows'>;
  /** Hands every row, in order, to what `begin` returns; an export read again from the start (in another encoding) calls `begin` again. */
  feed(begin: () => (row: SheetRow) => void, options: RunOptions): Promise<void>;
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
 * sheets, so no table of rows or cases is ever held for the write.
 */
export async function tallyIntoCaseSheets(port: WorkbookPort, rows: CaseRowStream, framework: Framework, period: Period, options: RunOptions): Promise<{ report: TallyReport; sheets: CaseSheetRows }> {
  let pass: { importer: CaseImporter; counter: TallyCounter; sheets: CaseSheetRows } | null = null;
  await rows.feed(() => {
    const counter = new TallyCounter(framework, period);
    const sheets = new CaseSheetRows(framework, port.rowSpool(), port.rowSpool());
    const importer = caseImporter(rows.sheet, framework, options, (record) => {
      counter.add(record);
      sheets.case(record);
    });
    pass = { importer, counter, sheets };
    return (row) => {
      sheets.pasted(row);
      importer.row(row);
    };
  }, options);
  const { importer, counter, sheets } = pass!;
  const summary = importer.end();
  return { report: tallyReportOf(summary, counter.result(summary.absent), rows.sheet.source, framework, period), sheets };
}
