import { z } from 'zod';
import type { Framework } from '../../frameworks/schema';
import { dateOf } from '../cases/caseRecord';
import { importCases, type CaseImport } from '../cases/importCases';
import type { RawTable } from '../cases/rawTable';
import { rowIssueSchema } from '../cases/rowIssues';
import { periodToIso, type Period } from '../tally/period';
import { tallyCases } from '../tally/tally';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What `returns tally --json` prints, and what `returns check` reads back: a public contract. */
export const tallyReportSchema = z.object({
  framework: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  source: z.string().optional(),
  figures: z.record(z.string(), z.number().nullable()),
  rowIssues: z.array(rowIssueSchema).default([]),
  notes: z.array(z.object({ code: z.string(), message: z.string() })).default([]),
  lists: z
    .object({
      agencies: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })).optional(),
      caseStudies: z.array(z.object({ caseId: z.string(), row: z.number().int(), text: z.string(), words: z.number().int() })).optional(),
    })
    .catchall(z.unknown())
    .default({}),
  /** Case rows read, and those counted nowhere (a repeated Case ID, or no usable referral date). */
  cases: z.object({ rows: z.number().int(), notCounted: z.number().int() }).optional(),
});
export type TallyReport = z.infer<typeof tallyReportSchema>;

/** Imports a table of cases and tallies every figure of the framework for the period. */
export function tallyTable(table: RawTable, framework: Framework, period: Period): TallyReport {
  return tallyImported(importCases(table, framework), table.source, framework, period);
}

export function tallyImported(imported: CaseImport, source: string, framework: Framework, period: Period): TallyReport {
  const { figures, lists } = tallyCases(imported.cases, framework, period);
  return {
    framework: framework.id,
    period: periodToIso(period),
    source,
    figures,
    rowIssues: imported.issues,
    notes: imported.notes,
    lists,
    cases: {
      rows: imported.cases.length,
      notCounted: imported.cases.filter((c) => c.duplicateOf !== null || dateOf(c, framework.caseDates.referral) === null).length,
    },
  };
}
