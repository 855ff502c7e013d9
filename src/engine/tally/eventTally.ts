import { z } from 'zod';
import { typedArraySchema } from '../typedArray';
import { eventTableOf, eventTableView } from '../../frameworks/eventTables';
import { figuresOf, type Figure } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import type { ColumnPlacement } from '../cases/headers';
import type { CaseRecord } from '../cases/caseRecord';
import { rowIssue, type RowIssue } from '../cases/rowIssues';
import { caseIdKey, ownCopy } from '../cases/textKey';
import { SharedAtoms } from '../spec/caseTest';
import { figureSpec } from '../spec/figureSpec';
import type { Period } from './period';
import type { FigureValues } from './tally';

/** What an event table's rows came to: how many were read, and how many count nowhere. */
export interface EventTableCount {
  table: string;
  source: string;
  rows: number;
  /** Rows counted nowhere: no Case ID, a Case ID of no case, or a repeated event ID. */
  notCounted: number;
}

export interface EventTallyResult {
  /** Every event figure of the framework: null for a table no rows were given for. */
  figures: FigureValues;
  /** Rows whose Case ID matches no case, found once both tables are read. */
  issues: RowIssue[];
  tables: EventTableCount[];
}

/**
 * The cases an EventTally was given, as plain data (structured-cloneable): each case's Case ID key, and for each
 * event figure whether the case meets its case conditions (`holds`: one byte a figure, case after case).
 */
export const eventCasesStateSchema = z.strictObject({ keys: z.array(z.string()), holds: typedArraySchema<Uint8Array>('Uint8Array') });
export type EventCasesState = z.infer<typeof eventCasesStateSchema>;

/** One case's events of one table: the rows (to report them if the case is unknown) and how many each figure counts. */
interface CaseEvents {
  /** The Case ID as the first of its events gave it. */
  id: string;
  rows: number[];
  counts: Uint32Array | null;
}

/** The figures read over one event table, with their shared atoms. */
interface TableFigures {
  atoms: SharedAtoms;
  tests: (() => boolean)[];
  /** Index into `EventTally.figures` of each test. */
  figureIndex: number[];
  byCase: Map<string, CaseEvents>;
  seenEventIds: Map<string, number>;
  /** Rows repeating an earlier row's event ID, reported once the file's headers are known. */
  repeats: { row: number; eventId: string; first: number; caseId: string }[];
  /** The headers the file gave, once it is read: issues name a column as the file does. */
  placements: ColumnPlacement[];
  source: string | null;
  rows: number;
  notCounted: number;
}

/**
 * The event figures, fed cases and events in any order (events may be read before the cases): each case's
 * standing on the case conditions and each case's matching events are kept per Case ID, and joined at the end.
 * An event counts only when its Case ID is a case's; one whose Case ID matches no case is a row issue.
 */
export class EventTally {
  private readonly figures: Figure[];
  private readonly kinds: ('events' | 'cases')[];
  private readonly caseAtoms: SharedAtoms;
  /** For each figure counting cases: its case test (the others have none). */
  private readonly caseTests: ((() => boolean) | null)[];
  /** Each case's Case ID, with which figures' case conditions it meets (null: none). */
  private readonly cases = new Map<string, Uint8Array | null>();
  private readonly tables = new Map<string, TableFigures>();

  constructor(
    private readonly framework: Framework,
    period: Period,
  ) {
    this.figures = figuresOf(framework).filter((f) => f.template.kind === 'event_count' || f.template.kind === 'event_cases');
    this.kinds = this.figures.map((f) => (f.template.kind === 'event_count' ? 'events' : 'cases'));
    this.caseAtoms = new SharedAtoms(period);
    this.caseTests = this.figures.map((f) => {
      const spec = figureSpec(f, framework);
      return spec.kind === 'event_cases' ? this.caseAtoms.test(spec.caseTerms) : null;
    });
    for (const table of framework.events) {
      const atoms = new SharedAtoms(period);
      const tests: (() => boolean)[] = [];
      const figureIndex: number[] = [];
      this.figures.forEach((f, i) => {
        const spec = figureSpec(f, framework);
        if ((spec.kind === 'event_count' || spec.kind === 'event_cases') && spec.events === table.id) {
          tests.push(atoms.test(spec.terms));
          figureIndex.push(i);
        }
      });
      this.tables.set(table.id, { atoms, tests, figureIndex, byCase: new Map(), seenEventIds: new Map(), repeats: [], placements: [], source: null, rows: 0, notCounted: 0 });
    }
  }

  /** Whether the framework has figures counted from event rows. */
  get counts(): boolean {
    return this.figures.length > 0;
  }

  /** Rows of an event table will be given, from `source`: its figures are counted (0 if it has no rows). */
  given(tableId: string, source: string): void {
    this.tables.get(tableId)!.source = source;
  }

  /** A case of the case data; a row repeating an earlier Case ID adds nothing. */
  addCase(record: CaseRecord): void {
    // A framework without event tables joins nothing to its cases: a million Case IDs need not be kept.
    if (this.tables.size === 0 || record.duplicateOf !== null || !record.id) return;
    const key = caseIdKey(record.id);
    if (this.cases.has(key)) return;
    this.caseAtoms.next(record);
    let holds: Uint8Array | null = null;
    this.caseTests.forEach((test, i) => {
      if (test?.()) (holds ??= new Uint8Array(this.figures.length))[i] = 1;
    });
    this.cases.set(ownCopy(key), holds);
  }

  /** The cases given so far, for the tally of the case data's earlier part to absorb (`absorbCases`). */
  casesState(): EventCasesState {
    const width = this.figures.length;
    const holds = new Uint8Array(this.cases.size * width);
    let at = 0;
    for (const held of this.cases.values()) {
      if (held) holds.set(held, at);
      at += width;
    }
    return { keys: [...this.cases.keys()], holds };
  }

  /**
   * Adds the cases another EventTally was given, as if they had followed this one's (a later part of the case
   * data, counted on another thread): a Case ID already given here keeps its first case, as `addCase` does.
   */
  absorbCases(state: EventCasesState): void {
    const width = this.figures.length;
    if (state.holds.length !== state.keys.length * width) throw new Error(`cases' state of ${state.keys.length} cases with ${state.holds.length} conditions met, not ${width} a case: the tallies differ`);
    state.keys.forEach((key, i) => {
      if (this.cases.has(key)) return;
      const held = state.holds.subarray(i * width, (i + 1) * width);
      this.cases.set(key, held.some((meets) => meets !== 0) ? held.slice() : null);
    });
  }

  /**
   * An event row of a table, read through its view (its `id` is its Case ID). When it repeats an earlier row's
   * event ID it counts nowhere: it is marked with that row (`duplicateOf`), and reported by `tableRead`.
   */
  addEvent(tableId: string, record: CaseRecord): void {
    const table = this.tables.get(tableId)!;
    const spec = eventTableOf(this.framework, tableId);
    table.rows++;
    if (!record.id) {
      table.notCounted++;
      return;
    }
    const eventId = spec.eventId ? record.values[spec.eventId] : null;
    if (typeof eventId === 'string' && eventId !== '') {
      const first = table.seenEventIds.get(eventId);
      if (first !== undefined) {
        record.duplicateOf = first;
        table.notCounted++;
        table.repeats.push({ row: record.row, eventId, first, caseId: record.id });
        return;
      }
      table.seenEventIds.set(ownCopy(eventId), record.row);
    }
    const key = caseIdKey(record.id);
    let entry = table.byCase.get(key);
    if (!entry) table.byCase.set(ownCopy(key), (entry = { id: ownCopy(record.id), rows: [], counts: null }));
    entry.rows.push(record.row);
    table.atoms.next(record);
    table.tests.forEach((test, i) => {
      if (test()) (entry.counts ??= new Uint32Array(table.tests.length))[i]! += 1;
    });
  }

  /**
   * Every row of a table is read, under the headers its file gave: the issues of its rows repeating an earlier
   * row's event ID, each naming the column as the file does (as the Case ID of an unknown case will be).
   */
  tableRead(tableId: string, placements: ColumnPlacement[]): RowIssue[] {
    const table = this.tables.get(tableId)!;
    table.placements = placements;
    const source = table.source ?? tableId;
    const header = this.headerOf(tableId, eventTableOf(this.framework, tableId).eventId ?? '');
    const issues = table.repeats.map(({ row, eventId, first, caseId }) => ({
      ...rowIssue('duplicate_event', row, header, eventId, `${source}: ${header} "${eventId}" is also on row ${first}: this row is not counted. Remove the repeated row, or give the event its own ID.`),
      caseId,
      source,
    }));
    table.repeats = [];
    return issues;
  }

  /** A column's header as the table's file wrote it, or the framework's when the file is not read yet. */
  private headerOf(tableId: string, key: string): string {
    return this.tables.get(tableId)!.placements.find((p) => p.column.key === key)?.header ?? eventTableView(this.framework, tableId).columns.find((c) => c.key === key)?.header ?? key;
  }

  /** Whether a Case ID is a case of the case data. */
  hasCase(id: string): boolean {
    return this.cases.has(caseIdKey(id));
  }

  /** The figures, joined over both tables; tables given no rows leave their figures null. */
  result(): EventTallyResult {
    const values = this.figures.map((): number | null => null);
    const issues: RowIssue[] = [];
    const tables: EventTableCount[] = [];
    for (const [tableId, table] of this.tables) {
      if (table.source === null) continue;
      table.figureIndex.forEach((i) => (values[i] = 0));
      const spec = eventTableOf(this.framework, tableId);
      const header = this.headerOf(tableId, spec.caseId);
      for (const [key, entry] of table.byCase) {
        const caseId = entry.id;
        if (!this.cases.has(key)) {
          table.notCounted += entry.rows.length;
          for (const row of entry.rows)
            issues.push({
              ...rowIssue('unknown_case', row, header, caseId, `${table.source}: ${header} "${caseId}" is not a case in the case data, so this ${spec.label.toLowerCase()} row is counted nowhere. Correct the Case ID, or export the cases and the ${spec.label.toLowerCase()} for the same period and service.`),
              caseId,
              source: table.source,
            });
          continue;
        }
        if (!entry.counts) continue;
        const holds = this.cases.get(key) ?? null;
        entry.counts.forEach((count, t) => {
          if (count === 0) return;
          const i = table.figureIndex[t]!;
          if (this.kinds[i] === 'events') values[i]! += count;
          else if (holds?.[i]) values[i]! += 1;
        });
      }
      tables.push({ table: tableId, source: table.source, rows: table.rows, notCounted: table.notCounted });
    }
    issues.sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.row - b.row);
    return { figures: Object.fromEntries(this.figures.map((f, i) => [f.id, values[i]!])), issues, tables };
  }
}
