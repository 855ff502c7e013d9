import type { Framework } from '../frameworks/schema';
import { caseImporter, type CaseImporter } from '../engine/cases/importCases';
import type { RowIssue } from '../engine/cases/rowIssues';
import type { EventRows } from '../engine/events/eventImport';
import { ReturnTally, type TallyOptions } from '../engine/report/returnTally';
import { tallyTable, type TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import { readTable } from '../tables/readTable';
import { openCaseRows, openCaseText } from './caseFile';
import { threadsHere, tallyInParts, TALLY_IN_PARTS_FROM_BYTES } from './tallyInParts';
import type { CliIo } from './io';

export type TallyFileOptions = Omit<TallyOptions, 'onIssue'> & {
  sheet?: string;
  /**
   * Told every row issue in full as it is found, with where the case data's rows are: the file, and the sheet
   * of a workbook (`cases.xlsx, sheet "Cases"`), whose row numbers are that sheet's.
   */
  onIssue?: (issue: RowIssue, caseSource: string) => void;
};

/**
 * Tallies a case-data file in one pass: delimited text, or an .xlsx sheet, is streamed row by row into the
 * tally, never held whole; anything else (or where the io cannot stream) is read whole, as `readTable` reads it. Event tables, read
 * already, are counted after the cases.
 */
export async function tallyFile(io: CliIo, file: string, framework: Framework, period: Period, options: TallyFileOptions, events: readonly EventRows[] = []): Promise<TallyReport> {
  const { onIssue, ...rest } = options;
  const toldOf = (caseSource: string): TallyOptions => (onIssue ? { ...rest, onIssue: (issue) => onIssue(issue, caseSource) } : rest);
  // A big export is tallied in parts, one a core.
  const text = await openCaseText(io, file, options.sheet);
  if (text && text.size >= TALLY_IN_PARTS_FROM_BYTES) {
    const report = await tallyInParts(io, file, text, framework, period, toldOf(file), threadsHere(), events);
    if (report) return report;
  }
  const rows = await openCaseRows(io, file, options.sheet);
  if (!rows) {
    const table = await readTable(await io.readFile(file), file, { sheet: options.sheet });
    return tallyTable(table, framework, period, toldOf(table.source), events);
  }
  // A file read again in another encoding (a Windows code page found past its first chunk) tells its issues
  // again: those of a reading are told once it is known to be the last.
  let heard: RowIssue[] = [];
  const told: TallyOptions = onIssue ? { ...rest, onIssue: (issue) => void heard.push(issue) } : rest;

  // Made afresh if the file is read again in another encoding. The tally reads only the columns it maps: the
  // rest of a wide export need not come across from the reading thread whole.
  let pass: { importer: CaseImporter; tally: ReturnTally } | null = null;
  await rows.feed(() => {
    heard = [];
    const tally = new ReturnTally(framework, period, told);
    const importer = caseImporter(rows.sheet, framework, told, tally.addCase);
    pass = { importer, tally };
    return (row) => importer.row(row);
  }, { ...told, columnsRead: () => pass?.importer.columnsRead?.() ?? null });
  const { importer, tally } = pass!;
  const imported = importer.end();
  for (const given of events) tally.feedEvents(given, 'tallying', told);
  const report = tally.report(imported, rows.sheet.source);
  if (onIssue) for (const issue of heard) onIssue(issue, rows.sheet.source);
  return report;
}
