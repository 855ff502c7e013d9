import { z } from 'zod';
import { figuresOf } from '../../frameworks/expand';
import { eventTableOf } from '../../frameworks/eventTables';
import type { Framework } from '../../frameworks/schema';
import { figureSpec } from '../spec/figureSpec';
import type { Atom, Term } from '../spec/terms';
import type { CaseRecord } from './caseRecord';
import { hasTimeOfDay } from './dateTimes';
import type { ImportSummary } from './importCases';
import type { ImportNote } from './rowIssues';

/**
 * The date-time columns of a table (the case data, or the event table `table`) that figures measure in hours
 * (a duration in hours, a "within 48 hours" condition): column key → the labels of those figures' templates.
 */
export function columnsMeasuredInHours(framework: Framework, table: string | null): Map<string, string[]> {
  const columns = table === null ? framework.columns : eventTableOf(framework, table).columns;
  const dateTimes = new Set(columns.filter((c) => c.type === 'datetime').map((c) => c.key));
  const measured = new Map<string, string[]>();
  for (const { gap, label } of gapsInHours(framework, table))
    for (const key of [gap.column, gap.of]) {
      if (!dateTimes.has(key)) continue;
      const labels = measured.get(key) ?? [];
      if (!labels.includes(label)) labels.push(label);
      measured.set(key, labels);
    }
  return measured;
}

/** An hours gap between two columns that a figure reads, with the label of the figure's template. */
export type GapInHours = { gap: Extract<Atom, { test: 'gap' }>; label: string };

/** The gaps measured in hours (a mean time in hours, a "within 48 hours" condition) of the figures over `table`'s rows (null: the case data). */
export function gapsInHours(framework: Framework, table: string | null): GapInHours[] {
  return figuresOf(framework).flatMap((figure) =>
    termsOver(figureSpec(figure, framework), table).flatMap((term) => term.flatMap(hourGaps)).map((gap) => ({ gap, label: figure.template.label })),
  );
}

/** The terms of a figure's spec over the rows of `table` (null: the case data). */
function termsOver(spec: ReturnType<typeof figureSpec>, table: string | null): Term[] {
  if (spec.kind === 'event_count' || spec.kind === 'event_cases') return spec.events === table ? spec.terms : table === null && spec.kind === 'event_cases' ? spec.caseTerms : [];
  if (table !== null) return [];
  if (spec.kind === 'count' || spec.kind === 'sum' || spec.kind === 'duration') return spec.terms;
  return spec.kind === 'waiting_number' || spec.kind === 'waiting_days' ? [spec.counted] : [];
}

/** The gaps an atom measures in hours: in whole seconds (a mean time), or as a condition in hours reads them. */
function hourGaps(atom: Atom): Extract<Atom, { test: 'gap' }>[] {
  if (atom.test === 'not') return hourGaps(atom.atom);
  return atom.test === 'gap' && (atom.unit === 'seconds' || atom.unit === 'clock') ? [atom] : [];
}

/**
 * Watches the records of an import for a time of day in each date-time column measured in hours. A column whose
 * every date is at midnight was exported as dates alone: the hours measured from it, and so those figures, are
 * wrong, and the import's summary gets a note saying so. `onCase` is handed every record, as before.
 */
export function watchTimesOfDay(framework: Framework, table: string | null, onCase: (record: CaseRecord) => void): TimesOfDayWatch {
  const measured = columnsMeasuredInHours(framework, table);
  if (!measured.size) return { onCase, noted: (summary) => summary, state: () => [], absorb: () => undefined };
  // Columns not yet seen with a time of day, and how many dates each has shown: a column leaves once it shows one.
  const untimed = [...measured.keys()].map((key) => ({ key, dates: 0 }));
  return {
    onCase(record) {
      for (let i = untimed.length - 1; i >= 0; i--) {
        const column = untimed[i]!;
        const at = record.values[column.key];
        if (typeof at !== 'number') continue;
        if (hasTimeOfDay(at)) untimed.splice(i, 1);
        else column.dates++;
      }
      onCase(record);
    },
    noted(summary) {
      // In the export's column order. A column it lacks leaves its figures blank, noted as such; one with no dates measures nothing.
      const notes = summary.placements.flatMap(({ column, header }): ImportNote[] => {
        const found = untimed.find((u) => u.key === column.key);
        return found && found.dates > 0 ? [dateWithoutTimesNote(header, found.dates, measured.get(column.key)!)] : [];
      });
      return notes.length ? { ...summary, notes: [...summary.notes, ...notes] } : summary;
    },
    state: () => untimed,
    absorb(later) {
      // A column shown with a time of day in the later rows leaves; one still without adds its dates.
      for (let i = untimed.length - 1; i >= 0; i--) {
        const found = later.find((u) => u.key === untimed[i]!.key);
        if (found) untimed[i]!.dates += found.dates;
        else untimed.splice(i, 1);
      }
    },
  };
}

/** Date-time columns measured in hours not yet seen with a time of day, with how many dates each has shown. */
export const untimedColumnsSchema = z.array(z.object({ key: z.string(), dates: z.number().int().nonnegative() }));
export type UntimedColumns = z.infer<typeof untimedColumnsSchema>;

export interface TimesOfDayWatch {
  onCase: (record: CaseRecord) => void;
  noted: (summary: ImportSummary) => ImportSummary;
  /** The columns still without a time of day (a part of an export read on another thread, to be absorbed). */
  state: () => UntimedColumns;
  /** Adds what the watch of the rows after these found. */
  absorb: (later: UntimedColumns) => void;
}

function dateWithoutTimesNote(header: string, dates: number, labels: readonly string[]): ImportNote {
  const shown = labels.slice(0, 4).join('; ') + (labels.length > 4 ? ` and ${labels.length - 4} more` : '');
  return {
    code: 'dates_without_times',
    message: `"${header}" has no time of day in ${dates === 1 ? 'its date' : `any of its ${dates.toLocaleString('en-GB')} dates`}, so the hours measured from or to it are not exact (a condition such as "within 48 hours" counts them by calendar day, a mean time in hours from midnight, 00:00), and so neither ${labels.length === 1 ? 'is this figure' : 'are these figures'}: ${shown}. Export the column with its time (03/04/2024 14:35) and read the data again.`,
  };
}
