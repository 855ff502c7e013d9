import { builtInFramework } from '../../../src/frameworks/load';
import type { CaseRecord } from '../../../src/engine/cases/caseRecord';
import { importCases } from '../../../src/engine/cases/importCases';
import { nameCounter } from '../../../src/engine/tally/caseLists';
import { counterStateSchema } from '../../../src/engine/tally/counterState';
import { periodFromIso, type Period } from '../../../src/engine/tally/period';
import { TallyCounter } from '../../../src/engine/tally/tally';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const { cases } = importCases(tableOf(HEADERS, ROWS), framework);

function counterOver(records: readonly CaseRecord[], over: Period = period): TallyCounter {
  const counter = new TallyCounter(framework, over);
  for (const record of records) counter.add(record);
  return counter;
}

describe('a tally counter\'s state', () => {
  const state = counterOver(cases).state();

  it('is plain data: it survives a structured clone and JSON alike, and its schema takes it back unchanged', () => {
    expect(structuredClone(state)).toStrictEqual(state);
    expect(counterStateSchema.parse(JSON.parse(JSON.stringify(state)))).toStrictEqual(state);
  });

  it('keeps as many numbers however many cases are counted: only the texts listed grow', () => {
    const fivefold = counterOver([...cases, ...cases, ...cases, ...cases, ...cases]).state();
    const shape = (s: typeof state) => Object.fromEntries(Object.entries(s.accumulators).map(([key, numbers]) => [key, numbers.length]));
    expect(shape(fivefold)).toEqual(shape(state));
    expect(fivefold.categories).toEqual(state.categories);
    expect(fivefold.accumulators['referrals.total']).toEqual([5 * state.accumulators['referrals.total']![0]!]);
    expect(state.lists.agencies).toEqual({ kind: 'names', keys: ['citizens advice', 'refuge'], names: ['citizens advice', 'Refuge'], counts: [2, 1] });
    expect(fivefold.lists.agencies).toEqual({ kind: 'names', keys: ['citizens advice', 'refuge'], names: ['citizens advice', 'Refuge'], counts: [10, 5] });
    expect(fivefold.lists.caseStudies).toEqual({ kind: 'texts', texts: Array(5).fill({ caseId: 'A', row: 2, text: 'A short story of support.', words: 5 }) });
  });

  it('is refused by the schema when a count is not a number or a list is of no known kind', () => {
    expect(counterStateSchema.safeParse({ ...state, accumulators: { ...state.accumulators, 'referrals.total': ['3'] } }).success).toBe(false);
    expect(counterStateSchema.safeParse({ ...state, lists: { agencies: { kind: 'tags', names: [] } } }).success).toBe(false);
    expect(counterStateSchema.safeParse({ ...state, accumulators: new Map() }).success).toBe(false);
  });

  it('is absorbed only by a counter of the same framework and period, with cells coded with categories it names', () => {
    expect(() => counterOver([], periodFromIso('2020-04-01', '2020-06-30')).absorb(state)).toThrow(/^a counter of cambridgeshire .* from 2020-04-01 to 2020-09-30 absorbed into one of cambridgeshire .* from 2020-04-01 to 2020-06-30$/);
    expect(() => counterOver([]).absorb({ ...state, accumulators: { 'referrals.total': [1] } })).toThrow('with other figures');
    const gender = 'demographics.gender.<gender>';
    const cells = [...state.accumulators[gender]!];
    cells[cells.length - 2] = state.categories.gender!.length; // a code past those it names
    expect(() => counterOver([]).absorb({ ...state, accumulators: { ...state.accumulators, [gender]: cells } })).toThrow('category code');
    expect(() => counterOver([]).absorb({ ...state, accumulators: { ...state.accumulators, [gender]: [...cells, 1] } })).toThrow('not cells of 1 codes and a count');
  });
});

describe('a list of names, merged', () => {
  const agencies = (row: number, ...names: string[]): CaseRecord => ({ row, id: `C${row}`, duplicateOf: null, values: { agencies: names } });

  it('adds counts by the names\' match key, shows the spelling met first, and breaks ties as one counter would', () => {
    const first = nameCounter('agencies');
    const second = nameCounter('agencies');
    const whole = nameCounter('agencies');
    const rows = [agencies(2, 'citizens  advice', 'Shelter'), agencies(3, 'Refuge'), agencies(4, 'CITIZENS ADVICE', 'refuge'), agencies(5, 'Mind', 'MIND')];
    rows.slice(0, 2).forEach((r) => first.add(r));
    rows.slice(2).forEach((r) => second.add(r));
    rows.forEach((r) => whole.add(r));
    first.absorb(structuredClone(second.state()));
    expect(first.result()).toEqual([
      { name: 'citizens advice', count: 2 },
      { name: 'Refuge', count: 2 },
      { name: 'Mind', count: 1 },
      { name: 'Shelter', count: 1 },
    ]);
    expect(first.result()).toEqual(whole.result());
  });
});
