import type { Framework } from '../frameworks/schema';
import { caseImporter, type CaseImporter, type ImportOptions } from '../engine/cases/importCases';
import { tallyReportOf, tallyTable, type TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import { TallyCounter } from '../engine/tally/tally';
import { readTable } from '../tables/readTable';
import { streamDelimited } from '../tables/streamDelimited';
import { openCaseText } from './caseFile';
import type { CliIo } from './io';

/**
 * Tallies a case-data file in one pass: delimited text is streamed row by row into the tally, never held
 * whole; a workbook (or anything that is not text) is read whole, as `readTable` reads it.
 */
export async function tallyFile(io: CliIo, file: string, framework: Framework, period: Period, options: ImportOptions & { sheet?: string }): Promise<TallyReport> {
  const opened = await openCaseText(io, file, options.sheet);
  if (!opened) return tallyTable(await readTable(await io.readFile(file), file, { sheet: options.sheet }), framework, period, options);

  // Made afresh if the file is read again in another encoding.
  let pass: { importer: CaseImporter; counter: TallyCounter } | null = null;
  await streamDelimited(
    opened.chunks,
    file,
    () => {
      const counter = new TallyCounter(framework, period);
      const importer = caseImporter({ source: file, delimited: true }, framework, options, (record) => counter.add(record));
      pass = { importer, counter };
      return (row) => importer.row(row);
    },
    { ...options, size: opened.size },
  );
  const { importer, counter } = pass!;
  const imported = importer.end();
  return tallyReportOf(imported, counter.result(imported.absent), file, framework, period);
}
