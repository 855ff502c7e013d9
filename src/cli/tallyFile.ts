import type { Framework } from '../frameworks/schema';
import { caseImporter, feedRows, type CaseImporter } from '../engine/cases/importCases';
import type { EventRows } from '../engine/events/eventImport';
import { ReturnTally, type TallyOptions } from '../engine/report/returnTally';
import { tallyTable, type TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import { readTable } from '../tables/readTable';
import { openCaseRows } from './caseFile';
import type { CliIo } from './io';

/**
 * Tallies a case-data file in one pass: delimited text, or an .xlsx sheet, is streamed row by row into the
 * tally, never held whole; anything else (or where the io cannot stream) is read whole, as `readTable` reads it. Event tables, read
 * already, are counted after the cases.
 */
export async function tallyFile(io: CliIo, file: string, framework: Framework, period: Period, options: TallyOptions & { sheet?: string }, events: readonly EventRows[] = []): Promise<TallyReport> {
  const rows = await openCaseRows(io, file, options.sheet);
  if (!rows) return tallyTable(await readTable(await io.readFile(file), file, { sheet: options.sheet }), framework, period, options, events);

  // Made afresh if the file is read again in another encoding. The tally reads only the columns it maps: the
  // rest of a wide export need not come across from the reading thread whole.
  let pass: { importer: CaseImporter; tally: ReturnTally } | null = null;
  await rows.feed(() => {
    const tally = new ReturnTally(framework, period, options);
    const importer = caseImporter(rows.sheet, framework, options, tally.addCase);
    pass = { importer, tally };
    return (row) => importer.row(row);
  }, { ...options, columnsRead: () => pass?.importer.columnsRead?.() ?? null });
  const { importer, tally } = pass!;
  const imported = importer.end();
  for (const given of events) feedRows(given.rows.rows, tally.eventRows(given.rows, given.table), 'tallying', options);
  return tally.report(imported, rows.sheet.source);
}
