import { Random } from '../../../scripts/sample/random';
import { figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import type { Framework } from '../../../src/frameworks/schema';
import type { CaseRecord } from '../../../src/engine/cases/caseRecord';
import { dayFromIso, dayFromParts, partsOfDay } from '../../../src/engine/cases/dates';
import { importCases } from '../../../src/engine/cases/importCases';
import { counterStateSchema, type CounterState } from '../../../src/engine/tally/counterState';
import { addMonths, type Period } from '../../../src/engine/tally/period';
import { TallyCounter, type TallyResult } from '../../../src/engine/tally/tally';
import { timingFramework } from '../../fixtures/timingFramework';
import { monthlyCambridgeshire } from '../../support/monthlyFramework';
import { exportHeaders, randomExport } from '../../support/randomExport';
import { tableOf } from '../../support/tables';

const FIRST = dayFromIso('2019-06-01')!;
const LAST = dayFromIso('2021-06-30')!;
const TODAY = dayFromIso('2023-01-01')!;
const TRIALS = 25;

const frameworks: [string, Framework][] = [
  ...['cambridgeshire', 'lancashire', 'safe-spaces', 'staffordshire', 'west-midlands'].map((id): [string, Framework] => [id, builtInFramework(id)]),
  ['cambridgeshire month by month', monthlyCambridgeshire()],
  ['timings (durations in hours, days and weeks)', timingFramework],
];

/** A period the framework can be counted over: its whole months where it is asked month by month. */
function randomPeriod(framework: Framework, random: Random): Period {
  const from = random.int(FIRST, LAST);
  if (framework.monthsInPeriod === undefined) return { from, to: Math.min(from + random.int(0, 400), LAST) };
  const { year, month } = partsOfDay(from);
  const first = dayFromParts(year, month, 1)!;
  return { from: first, to: addMonths(first, framework.monthsInPeriod) - 1 };
}

/** The cases cut at random row boundaries into 2 to 4 parts in row order (a part may be empty). */
function cutInParts(cases: CaseRecord[], random: Random): CaseRecord[][] {
  const cuts = Array.from({ length: random.int(1, 3) }, () => random.int(0, cases.length)).sort((a, b) => a - b);
  return [0, ...cuts].map((start, i) => cases.slice(start, [...cuts, cases.length][i]));
}

function counted(framework: Framework, period: Period, cases: readonly CaseRecord[]): TallyCounter {
  const counter = new TallyCounter(framework, period);
  for (const record of cases) counter.add(record);
  return counter;
}

/**
 * The first part's counter absorbing the others in row order, each counted on its own and its state sent as a
 * thread sends it and checked as received; the second part always so, a later one sometimes fed to the counter
 * itself instead (cases fed after an absorbed state follow its cases).
 */
function mergedOver(framework: Framework, period: Period, parts: CaseRecord[][], random: Random): { merged: TallyCounter; states: CounterState[] } {
  const [first, ...rest] = parts;
  const merged = counted(framework, period, first!);
  const states = [merged.state()];
  rest.forEach((part, i) => {
    if (i > 0 && random.chance(0.3)) for (const record of part) merged.add(record);
    else {
      const state = counterStateSchema.parse(structuredClone(counted(framework, period, part).state()));
      merged.absorb(state);
      states.push(state);
    }
  });
  return { merged, states };
}

/** Whether two counters met some categories of a column in other orders, so that they code them differently. */
function codedApart(a: CounterState, b: CounterState): boolean {
  return Object.entries(a.categories).some(([key, ids]) => {
    const theirs = b.categories[key] ?? [];
    const common = ids.filter((id) => theirs.includes(id));
    return common.join() !== theirs.filter((id) => ids.includes(id)).join();
  });
}

describe('counters of an export\'s parts, merged, give the whole export\'s tally', () => {
  it.each(frameworks)('for %s', (_, framework) => {
    const seen = { repeatedIds: 0, breakdownCells: 0, listed: 0, codedApart: 0, kinds: new Set<string>() };
    const kindOf = new Map(figuresOf(framework).map((f) => [f.id, f.template.kind]));
    for (let trial = 0; trial < TRIALS; trial++) {
      const seed = 1000 * frameworks.findIndex(([, f]) => f === framework) + trial;
      const random = new Random(seed);
      const period = randomPeriod(framework, random);
      const rows = randomExport(framework, random, random.int(0, 120), period);
      const imported = importCases(tableOf(exportHeaders(framework), rows), framework, { today: TODAY });
      const whole: TallyResult = counted(framework, period, imported.cases).result(imported.absent);
      const { merged, states } = mergedOver(framework, period, cutInParts(imported.cases, random), random);
      expect({ seed, result: merged.result(imported.absent) }).toStrictEqual({ seed, result: whole });

      seen.repeatedIds += imported.cases.filter((c) => c.duplicateOf !== null).length;
      seen.breakdownCells += figuresOf(framework).filter((f) => Object.keys(f.categories).length > 0 && (whole.figures[f.id] ?? 0) > 0).length;
      seen.listed += Object.values(whole.lists).reduce((n, list) => n + list.length, 0);
      for (const [id, value] of Object.entries(whole.figures)) if (value !== null && value !== 0) seen.kinds.add(kindOf.get(id)!);
      seen.codedApart += states.some((a) => states.some((b) => codedApart(a, b))) ? 1 : 0;
    }
    // The trials reach every kind of accumulator the framework has, and merges that need care.
    const counting = new Set(framework.figures.map((t) => t.kind).filter((k) => ['count', 'sum', 'duration', 'waiting_average_number', 'waiting_average_days'].includes(k)));
    expect([...seen.kinds].filter((k) => counting.has(k as never)).sort()).toEqual([...counting].sort());
    expect(seen.repeatedIds).toBeGreaterThan(0);
    if (framework.figures.some((t) => t.kind === 'count' && t.by.length > 0)) {
      expect(seen.breakdownCells).toBeGreaterThan(0);
      expect(seen.codedApart).toBeGreaterThan(0); // parts met categories in other orders: their codes differ
    }
    if (framework.lists.length) expect(seen.listed).toBeGreaterThan(0);
  });
});
