import { z } from 'zod';
import { figuresOf } from '../../frameworks/expand';
import { columnHeader, eventTableOf } from '../../frameworks/eventTables';
import type { Framework } from '../../frameworks/schema';
import { caseImporter, feedRows, type ImportSummary } from '../cases/importCases';
import type { RawTable } from '../cases/rawTable';
import type { CaseRecord } from '../cases/caseRecord';
import { rowIssueSchema } from '../cases/rowIssues';
import { moreRowIssuesSchema } from '../cases/issueLog';
import { periodToIso, type Period } from '../tally/period';
import type { TallyResult } from '../tally/tally';
import type { EventRows } from '../events/eventImport';
import { ReturnTally, type TallyOptions } from './returnTally';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What `returns tally --json` prints, and what `returns check` reads back: a public contract. */
export const tallyReportSchema = z.object({
  framework: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  source: z.string().optional(),
  /** The service profile the return is made under (absent: the framework's default). */
  profile: z.string().optional(),
  figures: z.record(z.string(), z.number().nullable()),
  /** Figures left blank because the export lacks a column they read: figure id → those column keys. Each has a note. */
  blanked: z.record(z.string(), z.array(z.string())).default({}),
  /**
   * Figures the service profile is not asked, left blank by a missing column too: not applicable rather than
   * missing, so no note. A return still gives them no formula.
   */
  blankedNotAsked: z.record(z.string(), z.array(z.string())).optional(),
  rowIssues: z.array(rowIssueSchema).default([]),
  /** Row issues beyond the first of each kind given in full: their kind and rows. */
  moreRowIssues: z.array(moreRowIssuesSchema).default([]),
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
  /** Each event table given: its file, rows read, and those counted nowhere (no case of that Case ID, a repeated event). */
  events: z.array(z.object({ table: z.string(), source: z.string(), rows: z.number().int(), notCounted: z.number().int() })).optional(),
});
export type TallyReport = z.infer<typeof tallyReportSchema>;

/** Imports a table of cases and tallies every figure of the framework for the period, in one pass over its rows. */
export function tallyTable(
  table: RawTable,
  framework: Framework,
  period: Period,
  options: TallyOptions = {},
  events: readonly EventRows[] = [],
  /** Each event row as read and joined (a repeated event marked), for naming the cases behind an event figure. */
  onEvent?: (table: string, record: CaseRecord) => void,
): TallyReport {
  const tally = new ReturnTally(framework, period, options);
  const summary = feedRows(table.rows, caseImporter(table, framework, options, tally.addCase), 'tallying', options);
  for (const given of events) tally.feedEvents(given, 'tallying', options, onEvent && ((record) => onEvent(given.table, record)));
  return tally.report(summary, table.source);
}

/**
 * The report of an import and its tally. The one place "not asked of this service profile" meets a missing
 * column: a figure in `notAsked` left blank is not applicable, so it is kept apart from the blanked and not noted.
 */
export function tallyReportOf(imported: ImportSummary, tally: TallyResult, source: string, framework: Framework, period: Period, eventFiles: Record<string, string> = {}, notAsked: ReadonlySet<string> = new Set()): TallyReport {
  const { figures, lists } = tally;
  const blanked: Record<string, string[]> = {};
  const blankedNotAsked: Record<string, string[]> = {};
  for (const [id, columns] of Object.entries(tally.blanked)) (notAsked.has(id) ? blankedNotAsked : blanked)[id] = columns;
  return {
    framework: framework.id,
    period: periodToIso(period),
    source,
    figures,
    blanked,
    ...(Object.keys(blankedNotAsked).length ? { blankedNotAsked } : {}),
    rowIssues: imported.issues,
    moreRowIssues: imported.moreIssues,
    notes: [...imported.notes, ...blankFigureNotes(blanked, framework, eventFiles)],
    lists,
    cases: { rows: imported.rows, notCounted: imported.notCounted },
  };
}

/** Every figure the report leaves blank for a missing column, asked of the service or not: none gets a formula. */
export function leftBlank(report: Pick<TallyReport, 'blanked' | 'blankedNotAsked'>): Record<string, string[]> {
  return { ...report.blanked, ...report.blankedNotAsked };
}

/** How many row issues a report has, those kept in full and those listed by row only. */
export function rowIssueCount(report: Pick<TallyReport, 'rowIssues' | 'moreRowIssues'>, severity?: 'error' | 'warning'): number {
  const full = severity ? report.rowIssues.filter((i) => i.severity === severity).length : report.rowIssues.length;
  return full + report.moreRowIssues.filter((m) => !severity || m.severity === severity).reduce((n, m) => n + m.rows.length, 0);
}

/** One note per missing column (or columns, when they leave the same figures blank), naming those figures. */
function blankFigureNotes(blanked: Record<string, string[]>, framework: Framework, eventFiles: Record<string, string>): TallyReport['notes'] {
  const byColumn = new Map<string, string[]>();
  for (const [id, columns] of Object.entries(blanked)) for (const key of columns) byColumn.set(key, [...(byColumn.get(key) ?? []), id]);
  const byFigures = new Map<string, { columns: string[]; ids: string[] }>();
  for (const [key, ids] of byColumn) {
    const group = byFigures.get(ids.join()) ?? { columns: [], ids };
    group.columns.push(key);
    byFigures.set(ids.join(), group);
  }
  const labels = new Map(figuresOf(framework).map((f) => [f.id, f.label]));
  return [...byFigures.values()].map(({ columns, ids }) => {
    const shown = ids.slice(0, 4).map((id) => labels.get(id) ?? id).join('; ');
    return {
      code: 'blank_figures',
      message: `${blankColumnsReason(framework, columns, eventFiles)}: ${ids.length === 1 ? 'this figure is' : `${ids.length} figures are`} left blank, not 0: ${shown}${ids.length > 4 ? ` and ${ids.length - 4} more` : ''}. Add the ${columns.length === 1 ? 'column' : 'columns'} to the export, or type the figures into the return.`,
    };
  });
}

/** Why a figure is blank, for its note in the return and the tally's notes: the columns the export lacks. */
export function blankFigureReason(headers: readonly string[], what = 'The case data'): string {
  const quoted = headers.map((h) => `"${h.replace(/\s*#/, ' 1 …')}"`);
  return `${what} has no ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]} columns` : `${quoted[0]} column`}`;
}

/**
 * Why figures are blank, from the column keys they lack: a case column's in the case data, an event column's
 * (`table.key`) in that event table, named with its file where it was given ("The Contacts table (calls.csv)").
 */
export function blankColumnsReason(framework: Framework, keys: readonly string[], eventFiles: Record<string, string> = {}): string {
  const byTable = new Map<string | null, string[]>();
  for (const key of keys) {
    const table = key.includes('.') ? key.split('.')[0]! : null;
    byTable.set(table, [...(byTable.get(table) ?? []), columnHeader(framework, key)]);
  }
  return [...byTable]
    .map(([table, headers]) => (table === null ? blankFigureReason(headers) : blankFigureReason(headers, `The ${eventTableOf(framework, table).label} table${eventFiles[table] ? ` (${eventFiles[table]})` : ''}`)))
    .join('; ');
}
