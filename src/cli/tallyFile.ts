import type { Framework } from '../frameworks/schema';
import { caseImporter, type CaseImporter } from '../engine/cases/importCases';
import type { EventRows } from '../engine/events/eventImport';
import { FixList } from '../engine/report/fixList';
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
   * Given every row issue in full, in row order, with where the case data's rows are: the file, and the sheet of
   * a workbook (`cases.xlsx, sheet "Cases"`), whose row numbers are that sheet's.
   */
  fixList?: FixList;
};

/**
 * Tallies a case-data file in one pass: delimited text, or an .xlsx sheet, is streamed row by row into the
 * tally, never held whole; anything else (or where the io cannot stream) is read whole, as `readTable` reads it. Event tables, read
 * already, are counted after the cases.
 */
export async function tallyFile(io: CliIo, file: string, framework: Framework, period: Period, options: TallyFileOptions, events: readonly EventRows[] = []): Promise<TallyReport> {
  const { fixList, ...rest } = options;
  const listedIn = (list: FixList | undefined, caseSource: string): TallyOptions => (list ? { ...rest, onIssue: (issue) => list.add(issue, caseSource) } : rest);
  // A big export is tallied in parts, one a core.
  const text = await openCaseText(io, file, options.sheet);
  if (text && text.size >= TALLY_IN_PARTS_FROM_BYTES) {
    const report = await tallyInParts(io, file, text, framework, period, rest, threadsHere(), events, fixList);
    if (report) return report;
  }
  const rows = await openCaseRows(io, file, options.sheet);
  if (!rows) {
    const table = await readTable(await io.readFile(file), file, { sheet: options.sheet });
    return tallyTable(table, framework, period, listedIn(fixList, table.source), events);
  }
  // A file read again in another encoding (a Windows code page found past its first chunk) lists its issues
  // again: those of a reading are listed once it is known to be the last.
  let heard = new FixList();
  const told: TallyOptions = fixList ? { ...rest, onIssue: (issue) => heard.add(issue, rows.sheet.source) } : rest;

  // Made afresh if the file is read again in another encoding. The tally reads only the columns it maps: the
  // rest of a wide export need not come across from the reading thread whole.
  let pass: { importer: CaseImporter; tally: ReturnTally } | null = null;
  await rows.feed(() => {
    heard = new FixList();
    const tally = new ReturnTally(framework, period, told);
    const importer = caseImporter(rows.sheet, framework, told, tally.addCase);
    pass = { importer, tally };
    return (row) => importer.row(row);
  }, { ...told, columnsRead: () => pass?.importer.columnsRead?.() ?? null });
  const { importer, tally } = pass!;
  const imported = importer.end();
  for (const given of events) tally.feedEvents(given, 'tallying', told);
  const report = tally.report(imported, rows.sheet.source);
  fixList?.append(heard.part());
  return report;
}
