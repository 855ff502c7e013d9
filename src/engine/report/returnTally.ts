import { z } from 'zod';
import { eventTableView } from '../../frameworks/eventTables';
import { figuresOf } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import { atomColumns, blankedBy, figureSpec } from '../spec/figureSpec';
import type { CaseRecord } from '../cases/caseRecord';
import { feedRows, type CaseImporter, type ImportOptions, type ImportSummary } from '../cases/importCases';
import { IssueLog } from '../cases/issueLog';
import type { RawTable } from '../cases/rawTable';
import { eventImporter, type EventRows } from '../events/eventImport';
import { EventTally, eventCasesStateSchema } from '../tally/eventTally';
import type { Period } from '../tally/period';
import { TallyCounter } from '../tally/tally';
import { counterStateSchema } from '../tally/counterState';
import type { RunOptions, Stage } from '../progress';
import { tallyReportOf, type TallyReport } from './tallyReport';
import { figuresOutsideProfile } from '../../frameworks/profiles';

/** What a `ReturnTally` of some of the case rows counted (`part`), as plain data another thread can send. */
export const tallyPartSchema = z.object({ counter: counterStateSchema, eventCases: eventCasesStateSchema });
export type TallyPart = z.infer<typeof tallyPartSchema>;

/** How a return is tallied: how its rows are read, and the service profile it is made under. */
export type TallyOptions = ImportOptions & {
  /** Figures not asked of this profile get no note when a missing column leaves them blank: they are not applicable. */
  profile?: string | null;
};

/**
 * A return's tally from its case data and its event tables, fed by a reader in any order (events before or
 * after the cases): each case and each event is counted as it streams, and the event figures are joined to the
 * cases at the end.
 */
export class ReturnTally {
  private readonly counter: TallyCounter;
  private readonly events: EventTally;
  /** Issues found by joining the tables (a repeated event, an event of no case). */
  private readonly joinIssues: IssueLog;
  private readonly eventSummaries: (ImportSummary & { table: string })[] = [];

  constructor(
    private readonly framework: Framework,
    private readonly period: Period,
    private readonly options: TallyOptions = {},
  ) {
    this.counter = new TallyCounter(framework, period);
    this.events = new EventTally(framework, period);
    this.joinIssues = new IssueLog(options.issueLimit, options.onIssue);
  }

  /** Counts one case of the case data. */
  readonly addCase = (record: CaseRecord): void => {
    this.counter.add(record);
    this.events.addCase(record);
  };

  /** What the case data's rows counted so far, to be absorbed by the tally of the rows before (a part read on another thread). */
  part(): TallyPart {
    return { counter: this.counter.state(), eventCases: this.events.casesState() };
  }

  /** Adds what the tally of the case rows after this one's counted (`part`): their counts, and their cases for the event tables to join. */
  absorb(part: TallyPart): void {
    this.counter.absorb(part.counter);
    this.events.absorbCases(part.eventCases);
  }

  /** Counts an event table's rows (after the cases, or before: they are joined in `report`). */
  feedEvents(given: EventRows, stage: Stage, options: RunOptions, onEvent?: (record: CaseRecord) => void): void {
    feedRows(given.rows.rows, this.eventRows(given.rows, given.table, onEvent), stage, options);
  }

  /** The importer of one event table's rows from `sheet`, counting each event as it is read. */
  eventRows(sheet: Omit<RawTable, 'rows'>, tableId: string, onEvent?: (record: CaseRecord) => void): CaseImporter {
    this.events.given(tableId, sheet.source);
    const importer = eventImporter(sheet, this.framework, tableId, this.options, (record) => {
      this.events.addEvent(tableId, record);
      onEvent?.(record);
    });
    return {
      row: (row) => importer.row(row),
      end: () => {
        const summary = importer.end();
        for (const issue of this.events.tableRead(tableId, summary.placements)) this.joinIssues.add(issue);
        this.eventSummaries.push({ ...summary, table: tableId });
        return summary;
      },
    };
  }

  /**
   * Event figures reading a column an event table's file lacks: not known, never 0 (a category column with a
   * not-stated bucket excepted, as for cases). Each names the columns as `table.key`.
   */
  private blankedByEventColumns(): Record<string, string[]> {
    const blanked: Record<string, string[]> = {};
    for (const summary of this.eventSummaries) {
      const view = eventTableView(this.framework, summary.table);
      const absent = new Set(summary.absent);
      for (const figure of figuresOf(this.framework)) {
        const spec = figureSpec(figure, this.framework);
        if ((spec.kind !== 'event_count' && spec.kind !== 'event_cases') || spec.events !== summary.table) continue;
        const read = [...new Set(spec.terms.flatMap((term) => term.flatMap(atomColumns)))];
        const missing = blankedBy({ kind: 'input', reads: read }, absent, view);
        if (missing.length) blanked[figure.id] = missing.map((key) => `${summary.table}.${key}`);
      }
    }
    return blanked;
  }

  /** Whether an event row counts, once every table is read: it is not a repeat and its Case ID is a case's. */
  counts(event: CaseRecord): boolean {
    return event.duplicateOf === null && event.id !== '' && this.events.hasCase(event.id);
  }

  /** The report, once every table is read; `cases` is the case data's import. */
  report(cases: ImportSummary, source: string): TallyReport {
    const joined = this.events.result();
    for (const issue of joined.issues) this.joinIssues.add(issue);
    const eventBlanked = this.blankedByEventColumns();
    for (const id of Object.keys(eventBlanked)) joined.figures[id] = null;
    const tally = this.counter.result(cases.absent, joined.figures);
    // A total over a part left blank is blank for the same reason.
    for (const figure of figuresOf(this.framework)) {
      const columns = [...new Set(figure.parts.flatMap((id) => eventBlanked[id] ?? []))];
      if (columns.length) eventBlanked[figure.id] = columns;
    }
    const report = tallyReportOf(cases, { ...tally, blanked: { ...tally.blanked, ...eventBlanked } }, source, this.framework, this.period, Object.fromEntries(joined.tables.map((t) => [t.table, t.source])), figuresOutsideProfile(this.framework, this.options.profile));
    const given = new Set(joined.tables.map((t) => t.table));
    const notGiven = this.framework.events.filter((t) => !given.has(t.id) && this.framework.figures.some((f) => (f.kind === 'event_count' || f.kind === 'event_cases') && f.events === t.id));
    return {
      ...report,
      rowIssues: [...report.rowIssues, ...this.eventSummaries.flatMap((s) => s.issues), ...this.joinIssues.kept],
      moreRowIssues: [...report.moreRowIssues, ...this.eventSummaries.flatMap((s) => s.moreIssues), ...this.joinIssues.more],
      notes: [
        ...report.notes,
        ...this.eventSummaries.flatMap((s) => s.notes),
        ...notGiven.map((t) => ({ code: 'no_events', message: `No ${t.label.toLowerCase()} table was given: the figures counted from it are left blank. Give it beside the case data (--events ${t.id}=FILE).` })),
      ],
      ...(joined.tables.length ? { events: joined.tables } : {}),
    };
  }
}

/** Each event table given to a fill, with the rows that count (in row order): the rows its sheets hold. */
export type CountedEvents = { table: string; rows: RawTable; counted: CaseRecord[] }[];
