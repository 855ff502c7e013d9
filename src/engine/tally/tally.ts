import { figuresOf } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import { dateOf, wholeOf, type CaseRecord } from '../cases/caseRecord';
import { SharedAtoms, type CaseTest } from '../spec/caseTest';
import { blankedBy, figureSpec, populationTerms, templateSpec, templateSpecOver } from '../spec/figureSpec';
import { subPeriodsOf, subPeriodSuffix, type SubPeriod } from '../../frameworks/subPeriods';
import { BreakdownCodes, breakdownCounter } from './breakdownCounts';
import type { Term } from '../spec/terms';
import { daysIn, monthsProblem, periodToIso, type Period } from './period';
import { InputError } from '../../errors';
import { roundedRatio } from './rounding';
import { durationAccumulator } from './durations';
import { totalsOf, type Accumulator } from './accumulator';
import { nameCounter, textCollector, type CaseText, type ListCollector, type NamedCount } from './caseLists';
import type { CounterState } from './counterState';

export type { CaseText, NamedCount } from './caseLists';

export type FigureValues = Record<string, number | null>;

export interface TallyResult {
  figures: FigureValues;
  /** Figures left blank because the export lacks a column they read: figure id → those column keys. */
  blanked: Record<string, string[]>;
  lists: Record<string, NamedCount[] | CaseText[]>;
}

/** A test shared by the templates counting the same cases: whether it holds for the current case, and who counts it. */
interface SharedTest {
  test: () => boolean;
  holds: boolean;
  accumulators: Accumulator[];
}

/**
 * Computes every figure of the framework for the period in one pass over the cases, each template reading its
 * compiled spec; figures the provider types in are null, and so are figures reading a column the export does
 * not have (`absent`), which are listed in `blanked` with those columns. Rows repeating an earlier Case ID
 * count nowhere; rows without a referral date or referred after the period fall outside every window.
 */
export function tallyCases(cases: readonly CaseRecord[], framework: Framework, period: Period, absent: readonly string[] = []): TallyResult {
  const counter = new TallyCounter(framework, period);
  for (const record of cases) counter.add(record);
  return counter.result(absent);
}

/** The tally fed one case at a time, as an import streams them: nothing of a case is kept but what it adds. */
export class TallyCounter {
  private readonly atoms: SharedAtoms;
  private readonly codes = new BreakdownCodes();
  private readonly tests: SharedTest[];
  private readonly accumulators = new Map<string, Accumulator>();
  private readonly lists: { spec: Framework['lists'][number]; inPopulation: () => boolean; collect: ListCollector<NamedCount | CaseText> }[];

  constructor(
    private readonly framework: Framework,
    private readonly period: Period,
  ) {
    const problem = monthsProblem(framework, period);
    if (problem) throw new InputError(problem);
    // Templates counting the same cases (every demographic table counts the supported) share one test per case,
    // and tests share their atoms: each is evaluated once per case.
    const atoms = (this.atoms = new SharedAtoms(period));
    const tests = new Map<string, SharedTest>();
    // An accumulator adds only cases its test holds for, so it is handed only those: a case no test holds for
    // (most of a long export lies outside the period's windows) is added to none.
    const accumulate = (key: string, terms: Term[], make: (counted: CaseTest) => Accumulator) => {
      const testKey = JSON.stringify(terms);
      const entry = tests.get(testKey) ?? { test: atoms.test(terms), holds: false, accumulators: [] };
      tests.set(testKey, entry);
      const accumulator = make(() => entry.holds);
      entry.accumulators.push(accumulator);
      this.accumulators.set(key, accumulator);
    };
    for (const template of framework.figures) {
      const spec = templateSpec(template, framework);
      for (const within of [null, ...subPeriodsOf(template, framework)]) {
        const over = templateSpecOver(template, within, framework);
        if (over.kind === 'count') accumulate(accumulatorKey(template.id, within), over.terms, (counted) => countAccumulator(counted, over.by, this.codes));
        if (over.kind === 'sum') accumulate(accumulatorKey(template.id, within), over.terms, (counted) => sumAccumulator(counted, over.column));
      }
      if (spec.kind === 'waiting_number') accumulate(template.id, [spec.counted], (counted) => waitingNumberAccumulator(counted, spec.start, spec.end, period));
      if (spec.kind === 'duration') accumulate(template.id, spec.terms, (counted) => durationAccumulator(counted, spec.from, spec.to, spec.unit));
      if (spec.kind === 'waiting_days') accumulate(template.id, [spec.counted], (counted) => waitingDaysAccumulator(counted, spec.start, spec.end, period));
    }
    this.tests = [...tests.values()];
    this.lists = framework.lists.map((spec) => ({
      spec,
      inPopulation: atoms.test(populationTerms(spec.population, framework)),
      collect: spec.kind === 'names' ? nameCounter(spec.column) : textCollector(spec.column),
    }));
  }

  add(record: CaseRecord): void {
    if (record.duplicateOf !== null) return;
    this.atoms.next(record);
    this.codes.next();
    for (const entry of this.tests) {
      entry.holds = entry.test();
      if (entry.holds) for (const accumulator of entry.accumulators) accumulator.add(record);
    }
    for (const { inPopulation, collect } of this.lists) if (inPopulation()) collect.add(record);
  }

  /**
   * Everything counted so far, as plain data (structured-cloneable: a worker thread can send it back), for a
   * counter over the same framework and period to `absorb`.
   */
  state(): CounterState {
    const { framework, period } = this;
    return {
      framework: { id: framework.id, version: framework.version },
      period: { from: period.from, to: period.to },
      categories: this.codes.state(),
      accumulators: Object.fromEntries([...this.accumulators].map(([key, accumulator]) => [key, accumulator.state()])),
      lists: Object.fromEntries(this.lists.map(({ spec, collect }) => [spec.id, collect.state()])),
    };
  }

  /**
   * Adds another counter's state, as if this counter had also been fed that counter's cases after its own: the
   * parts of an export counted apart are absorbed in row order, and the result is the whole export's.
   */
  absorb(state: CounterState): void {
    const { framework, period } = this;
    if (state.framework.id !== framework.id || state.framework.version !== framework.version || state.period.from !== period.from || state.period.to !== period.to)
      throw new Error(`a counter of ${counterInWords(state.framework, state.period)} absorbed into one of ${counterInWords(framework, period)}`);
    const keys = Object.keys(state.accumulators);
    if (keys.length !== this.accumulators.size || keys.some((key) => !this.accumulators.has(key))) throw new Error(`a counter's state with other figures (${keys.length} accumulators, ${this.accumulators.size} here)`);
    const codes = this.codes.translation(state.categories);
    for (const [key, accumulator] of this.accumulators) accumulator.absorb(state.accumulators[key]!, codes);
    for (const { spec, collect } of this.lists) {
      const list = state.lists[spec.id];
      if (!list) throw new Error(`a counter's state without the list ${spec.id}`);
      collect.absorb(list);
    }
  }

  /** `events` holds the event figures (EventTally's); without them they are null. */
  result(absent: readonly string[] = [], events: FigureValues = {}): TallyResult {
    const { framework } = this;
    const missing = new Set(absent);
    const figures: FigureValues = {};
    const blanked: Record<string, string[]> = {};
    for (const figure of figuresOf(framework)) {
      const spec = figureSpec(figure, framework);
      const without = blankedBy(spec, missing, framework);
      if (without.length) blanked[figure.id] = without;
      figures[figure.id] =
        spec.kind === 'input' || without.length ? null
        : spec.kind === 'event_count' || spec.kind === 'event_cases' ? (events[figure.id] ?? null)
        : spec.kind === 'sum_of' ? spec.parts.reduce<number | null>((sum, id) => (sum === null || figures[id] === null ? null : sum + figures[id]!), 0)
        : spec.kind === 'percentage' ? percentageOf(figures[spec.numerator] ?? null, figures[spec.base] ?? null)
        : this.accumulators.get(accumulatorKey(figure.template.id, figure.subPeriod))!.value(figure.categories);
    }
    return { figures, blanked, lists: Object.fromEntries(this.lists.map(({ spec, collect }) => [spec.id, collect.result()])) as TallyResult['lists'] };
  }
}

/** A counter's framework and period, in words for an error. */
function counterInWords(framework: { id: string; version: string }, period: Period): string {
  const { from, to } = periodToIso(period);
  return `${framework.id} ${framework.version} from ${from} to ${to}`;
}

/** 100 × numerator ÷ base to one decimal, as the formula's ROUND; none when either is unknown or the base is 0. */
export function percentageOf(numerator: number | null, base: number | null): number | null {
  return numerator === null || base === null || base === 0 ? null : roundedRatio(100 * numerator, base, 1);
}

/** A template's running total over the period, or over one of its sub-periods. */
function accumulatorKey(templateId: string, within: SubPeriod | null): string {
  return within ? `${templateId}.${subPeriodSuffix(within)}` : templateId;
}

function countAccumulator(counts: CaseTest, by: string[], codes: BreakdownCodes): Accumulator {
  if (by.length === 0) {
    let total = 0;
    return { add: (record) => void (counts(record) && total++), value: () => total, state: () => [total], absorb: (state) => void (total += totalsOf(state, 1)[0]!) };
  }
  return breakdownCounter(counts, by, codes);
}

function sumAccumulator(counts: CaseTest, column: string): Accumulator {
  let total = 0;
  return {
    add(record) {
      if (counts(record)) total += wholeOf(record, column) ?? 0;
    },
    value: () => total,
    state: () => [total],
    absorb: (state) => void (total += totalsOf(state, 1)[0]!),
  };
}

/** Victim-days on a waiting list within the period, over the period's days: a case is on the list on day d when start ≤ d < end. */
function waitingNumberAccumulator(counted: CaseTest, startKey: string, endKey: string, period: Period): Accumulator {
  let victimDays = 0;
  return {
    add(record) {
      const start = dateOf(record, startKey);
      if (start === null || !counted(record)) return;
      const end = dateOf(record, endKey);
      const first = Math.max(start, period.from);
      const last = Math.min(end === null ? period.to : end - 1, period.to);
      if (last >= first) victimDays += last - first + 1;
    },
    value: () => roundedRatio(victimDays, daysIn(period)),
    state: () => [victimDays],
    absorb: (state) => void (victimDays += totalsOf(state, 1)[0]!),
  };
}

/** Mean days on the list of the cases whose waiting-list end falls in the period. */
function waitingDaysAccumulator(counted: CaseTest, startKey: string, endKey: string, period: Period): Accumulator {
  let days = 0;
  let cases = 0;
  return {
    add(record) {
      const start = dateOf(record, startKey);
      const end = dateOf(record, endKey);
      if (start === null || end === null || end < period.from || end > period.to || !counted(record)) return;
      days += end - start;
      cases += 1;
    },
    value: () => (cases === 0 ? null : roundedRatio(days, cases)),
    state: () => [days, cases],
    absorb(state) {
      const [otherDays, otherCases] = totalsOf(state, 2);
      days += otherDays!;
      cases += otherCases!;
    },
  };
}
