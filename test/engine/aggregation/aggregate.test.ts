import fc from 'fast-check';
import { aggregateReturns, combineOf, type ProviderReturn } from '../../../src/engine/aggregation/aggregate';
import { periodFromIso } from '../../../src/engine/tally/period';
import { InputError } from '../../../src/errors';
import { figuresOf } from '../../../src/frameworks/expand';
import { parseFramework } from '../../../src/frameworks/load';
import cambridgeshireJson from '../../../src/frameworks/data/cambridgeshire.json';
import { cambridgeshire, returnWith } from '../../support/returns';

const figures = figuresOf(cambridgeshire);
/** What tells two providers' figures apart: one return given twice is refused (countedOnce.ts), not added up. */
const figuresGiven = (values: Record<string, number>) => JSON.stringify(Object.entries(values).filter(([, n]) => n !== 0).sort());
const provider = (file: string, values: Parameters<typeof returnWith>[0], extra: Parameters<typeof returnWith>[1] = {}): ProviderReturn => ({ file, name: `Provider ${file}`, data: returnWith(values, { source: file, ...extra }) });

/** Cambridgeshire with a count of completed waits, the base the mean wait is recombined by. */
const withCompletedWaits = parseFramework(
  {
    ...cambridgeshireJson,
    figures: cambridgeshireJson.figures.flatMap((f) =>
      f.id === 'waiting.average_days'
        ? [{ id: 'waiting.completed', label: 'Victims who came off a waiting list', section: 'waiting', kind: 'input' }, { ...f, combine: { method: 'weighted_mean', weight: 'waiting.completed' } }]
        : [f],
    ),
  },
  'test framework',
);

describe('aggregating providers\u2019 returns', () => {
  it('every additive total is the sum of the providers\u2019 figures, over random returns', () => {
    const additive = figures.filter((f) => combineOf(f).method === 'sum').map((f) => f.id);
    const someFigures = fc.dictionary(fc.constantFrom(...additive), fc.integer({ min: 0, max: 5000 }), { maxKeys: 40 });
    fc.assert(
      fc.property(fc.uniqueArray(someFigures, { minLength: 1, maxLength: 7, selector: figuresGiven }), (providers) => {
        const returns = providers.map((values, i) => provider(`p${i}.xlsx`, values));
        const { totals, byProvider } = aggregateReturns(returns);
        const wrong = additive.filter((id) => totals[id] !== providers.reduce((sum, values) => sum + (values[id] ?? 0), 0));
        expect(wrong).toEqual([]);
        const misread = additive.filter((id) => returns.some((r, i) => byProvider[r.file]![id] !== (providers[i]![id] ?? 0)));
        expect(misread).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a total blank, naming the provider, when one return has the figure blank or as text', () => {
    const { totals, notes } = aggregateReturns([provider('a.xlsx', { 'referrals.total': 4 }), provider('b.xlsx', { 'referrals.total': null }), provider('c.xlsx', { 'referrals.total': '***' })]);
    expect(totals['referrals.total']).toBeNull();
    expect(notes['referrals.total']).toBe('Left blank: the figure is blank in Provider b.xlsx\u2019s return and not a number in Provider c.xlsx\u2019s return ("***"), so a total would be only part of it.');
    expect(totals['referrals.self']).toBe(0);
  });

  it('sums an average whose daily counts add up, and leaves the mean wait blank where the returns lack its base, saying why', () => {
    const { totals, notes } = aggregateReturns([provider('a.xlsx', { 'waiting.average_number': 1.25, 'waiting.average_days': 10 }), provider('b.xlsx', { 'waiting.average_number': 0.5, 'waiting.average_days': 30 })]);
    expect(totals['waiting.average_number']).toBe(1.75);
    expect(totals['waiting.average_days']).toBeNull();
    expect(notes['waiting.average_days']).toMatch(/^Left blank: a mean wait is recombined from each provider's number of victims who came off the list/);
  });

  it('recombines a mean weighted by its base when the framework names the base and the returns hold it', () => {
    const zeros = Object.fromEntries(figuresOf(withCompletedWaits).map((f) => [f.id, 0]));
    const part = (file: string, days: number | null, completed: number): ProviderReturn => ({
      file,
      name: file,
      data: { source: file, framework: withCompletedWaits, period: periodFromIso('2020-04-01', '2020-09-30'), values: { ...zeros, 'waiting.average_days': days, 'waiting.completed': completed }, cells: {}, lists: {} },
    });
    const { totals, notes } = aggregateReturns([part('a', 10, 3), part('b', 30, 1), part('c', null, 0)]);
    expect(totals['waiting.average_days']).toBe(15);
    expect(notes['waiting.average_days']).toBe('Mean of the providers\' figures weighted by Victims who came off a waiting list (4 in all).');
    expect(aggregateReturns([part('a', 10, 3), part('b', null, 2)]).notes['waiting.average_days']).toMatch(/blank in b\u2019s return/);
  });

  it('refuses a weighted mean whose base, or a rate whose figure, is not a figure of the framework', () => {
    const bad = { ...cambridgeshireJson, figures: cambridgeshireJson.figures.map((f) => (f.id === 'waiting.average_days' ? { ...f, combine: { method: 'weighted_mean', weight: 'waiting.completed' } } : f)) };
    expect(() => parseFramework(bad, 'bad.json')).toThrow(/"waiting\.completed" is not a figure/);
    const badRate = { ...cambridgeshireJson, rates: [{ id: 'x', label: 'X', numerator: 'support.disengagd', denominator: 'support.total' }] };
    expect(() => parseFramework(badRate, 'bad.json')).toThrow(/rates.*"support\.disengagd" names no figure/s);
  });

  it('leaves blank a figure one provider\u2019s own template does not ask for', () => {
    const mapped = provider('mapped.xlsx', { 'referrals.total': 2 }, { held: new Set(['referrals.total']) });
    const { totals, notes, held } = aggregateReturns([provider('a.xlsx', { 'referrals.total': 5, 'referrals.self': 1 }), mapped]);
    expect(totals['referrals.total']).toBe(7);
    expect(totals['referrals.self']).toBeNull();
    expect(notes['referrals.self']).toBe('Left blank: Provider mapped.xlsx\u2019s template does not ask for this figure, so a total would leave them out.');
    expect(held).toHaveLength(figures.length);
  });

  it('refuses returns of different periods or frameworks, naming them', () => {
    const spring = provider('spring.xlsx', {}, { period: periodFromIso('2020-10-01', '2021-03-31') });
    expect(() => aggregateReturns([provider('a.xlsx', {}), provider('b.xlsx', {}), spring])).toThrow(
      new InputError('These returns are of different periods, so they cannot be added up: 1 Apr 2020 to 30 Sep 2020: a.xlsx, b.xlsx; 1 Oct 2020 to 31 Mar 2021: spring.xlsx. Aggregate the returns of one period at a time.'),
    );
    const other = { file: 'other.xlsx', name: 'Other', data: { ...returnWith({}), source: 'other.xlsx', framework: withCompletedWaits, values: {} } };
    expect(() => aggregateReturns([provider('a.xlsx', {}), { ...other, data: { ...other.data, framework: { ...withCompletedWaits, id: 'west_midlands' } } }])).toThrow(/different frameworks.*the cambridgeshire return: a\.xlsx; the west_midlands return: other\.xlsx/);
  });
});
