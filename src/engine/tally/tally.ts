import { figuresOf } from '../../frameworks/expand';
import type { Framework, Window } from '../../frameworks/schema';
import { categoriesOf, dateOf, namesOf, textOf, wholeOf, type CaseRecord } from '../cases/caseRecord';
import { matchKey, tidy } from '../cases/textKey';
import { compilePopulation, compileWhere } from './conditions';
import { daysIn, windowsOf, type Period } from './period';
import { roundedRatio } from './rounding';

export type FigureValues = Record<string, number | null>;

export interface NamedCount {
  name: string;
  count: number;
}

export interface CaseText {
  caseId: string;
  row: number;
  text: string;
  words: number;
}

export interface TallyResult {
  figures: FigureValues;
  lists: Record<string, NamedCount[] | CaseText[]>;
}

/** A running total for one figure template, fed each case once. */
interface Accumulator {
  add(record: CaseRecord, windows: Record<Window, boolean>, inPopulation: Record<string, boolean>): void;
  /** The value of one expanded figure. */
  value(categories: Record<string, string>): number | null;
}

/**
 * Computes every figure of the framework for the period in one pass over the cases; figures the provider types
 * in are null. Rows repeating an earlier
 * Case ID, rows without a referral date and rows referred after the period count nowhere.
 */
export function tallyCases(cases: readonly CaseRecord[], framework: Framework, period: Period): TallyResult {
  const populations = Object.entries(framework.populations).map(([id, p]) => ({ id, test: compilePopulation(p, framework) }));
  const accumulators = new Map<string, Accumulator>();
  for (const template of framework.figures) {
    if (template.kind === 'count') accumulators.set(template.id, countAccumulator(template.population, template.by, compileWhere(template.where, framework)));
    if (template.kind === 'sum') accumulators.set(template.id, sumAccumulator(template.population, template.column));
    if (template.kind === 'waiting_average_number') accumulators.set(template.id, waitingNumberAccumulator(template.start, template.end, period));
    if (template.kind === 'waiting_average_days') accumulators.set(template.id, waitingDaysAccumulator(template.start, template.end, period));
  }
  const lists = framework.lists.map((spec) => ({ spec, collect: spec.kind === 'names' ? nameCounter(spec.column) : textCollector(spec.column) }));

  for (const record of cases) {
    if (record.duplicateOf !== null) continue;
    const referral = dateOf(record, framework.caseDates.referral);
    if (referral === null || referral > period.to) continue;
    const windows = windowsOf(referral, dateOf(record, framework.caseDates.exit), period);
    const inPopulation: Record<string, boolean> = {};
    for (const p of populations) inPopulation[p.id] = p.test(record, windows);
    for (const accumulator of accumulators.values()) accumulator.add(record, windows, inPopulation);
    for (const { spec, collect } of lists) if (inPopulation[spec.population]) collect.add(record);
  }

  const figures: FigureValues = {};
  for (const figure of figuresOf(framework)) {
    const kind = figure.template.kind;
    figures[figure.id] =
      kind === 'input' ? null
      : kind === 'sum_of' ? figure.parts.reduce((sum, id) => sum + (figures[id] ?? 0), 0)
      : accumulators.get(figure.template.id)!.value(figure.categories);
  }
  return { figures, lists: Object.fromEntries(lists.map(({ spec, collect }) => [spec.id, collect.result()])) };
}

function countAccumulator(population: string, by: string[], where: (r: CaseRecord) => boolean): Accumulator {
  const counts = new Map<string, number>();
  const keysOf = (record: CaseRecord): string[] =>
    by.reduce<string[]>((keys, column) => keys.flatMap((k) => categoriesOf(record, column).map((id) => `${k}|${id}`)), ['']);
  return {
    add(record, _windows, inPopulation) {
      if (!inPopulation[population] || !where(record)) return;
      for (const key of keysOf(record)) counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    value(categories) {
      return counts.get(by.reduce((k, column) => `${k}|${categories[column]}`, '')) ?? 0;
    },
  };
}

function sumAccumulator(population: string, column: string): Accumulator {
  let total = 0;
  return {
    add(record, _windows, inPopulation) {
      if (inPopulation[population]) total += wholeOf(record, column) ?? 0;
    },
    value: () => total,
  };
}

/** Victim-days on a waiting list within the period, over the period's days: a case is on the list on day d when start ≤ d < end. */
function waitingNumberAccumulator(startKey: string, endKey: string, period: Period): Accumulator {
  let victimDays = 0;
  return {
    add(record) {
      const start = dateOf(record, startKey);
      if (start === null) return;
      const end = dateOf(record, endKey);
      const first = Math.max(start, period.from);
      const last = Math.min(end === null ? period.to : end - 1, period.to);
      if (last >= first) victimDays += last - first + 1;
    },
    value: () => roundedRatio(victimDays, daysIn(period)),
  };
}

/** Mean days on the list of the cases whose waiting-list end falls in the period. */
function waitingDaysAccumulator(startKey: string, endKey: string, period: Period): Accumulator {
  let days = 0;
  let cases = 0;
  return {
    add(record) {
      const start = dateOf(record, startKey);
      const end = dateOf(record, endKey);
      if (start === null || end === null || end < period.from || end > period.to) return;
      days += end - start;
      cases += 1;
    },
    value: () => (cases === 0 ? null : roundedRatio(days, cases)),
  };
}

interface ListCollector<T> {
  add(record: CaseRecord): void;
  result(): T[];
}

/** Names (agencies) with how many cases named each; spellings differing only in case or spacing are one name. */
function nameCounter(column: string): ListCollector<NamedCount> {
  const counts = new Map<string, NamedCount>();
  return {
    add(record) {
      const seen = new Set<string>();
      for (const name of namesOf(record, column)) {
        const key = matchKey(name);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key) ?? { name: tidy(name), count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    },
    result: () => [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}

function textCollector(column: string): ListCollector<CaseText> {
  const texts: CaseText[] = [];
  return {
    add(record) {
      const text = textOf(record, column);
      if (text) texts.push({ caseId: record.id, row: record.row, text, words: text.split(/\s+/).filter(Boolean).length });
    },
    result: () => texts,
  };
}
