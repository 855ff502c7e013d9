import { eventTableView } from '../../frameworks/eventTables';
import type { Framework } from '../../frameworks/schema';
import type { CaseRecord } from '../cases/caseRecord';
import { watchTimesOfDay } from '../cases/datesWithoutTimes';
import { caseImporter, type CaseImporter, type ImportOptions } from '../cases/importCases';
import type { RawTable } from '../cases/rawTable';
import type { RowIssue } from '../cases/rowIssues';
import { eventCountingWithout } from './eventCounting';

/** An event table's rows as given beside the case data: which of the framework's tables, and its sheet. */
export interface EventRows {
  table: string;
  rows: RawTable;
}

/**
 * The streaming import of one event table, read as the case data is (headers, synonyms, values) through the
 * table's view; a Case ID repeats from row to row. Every issue and note names the file, as a row number alone
 * would be read as a row of the case data.
 */
export function eventImporter(sheet: Omit<RawTable, 'rows'>, framework: Framework, tableId: string, options: ImportOptions, onEvent: (record: CaseRecord) => void): CaseImporter {
  const source = sheet.source;
  const onIssue = (issue: RowIssue) => {
    // A remembered value's issue is copied from one already named.
    if (issue.source === undefined) {
      issue.source = source;
      issue.message = `${source}: ${issue.message}`;
    }
    options.onIssue?.(issue);
  };
  const clock = watchTimesOfDay(framework, tableId, onEvent);
  const importer = caseImporter(sheet, eventTableView(framework, tableId), { ...options, eventRows: true, countingWithout: eventCountingWithout(framework, tableId), onIssue }, clock.onCase);
  return {
    row: (row) => importer.row(row),
    end() {
      const summary = clock.noted(importer.end());
      return { ...summary, notes: summary.notes.map((n) => ({ ...n, message: n.message.startsWith(source) ? n.message : `${source}: ${n.message}` })) };
    },
  };
}
