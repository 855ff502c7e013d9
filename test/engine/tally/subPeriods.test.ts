import { figuresOf } from '../../../src/frameworks/expand';
import { matchFigures } from '../../../src/frameworks/selectors';
import { builtInFramework } from '../../../src/frameworks/load';
import { importCases } from '../../../src/engine/cases/importCases';
import { figureFormula } from '../../../src/engine/formulas/figureFormula';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { addMonths, periodFromIso, subPeriodOf, type Period } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { InputError } from '../../../src/errors';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';
import { monthlyCambridgeshire } from '../../support/monthlyFramework';
import { tableOf } from '../../support/tables';

const framework = monthlyCambridgeshire();
const plain = builtInFramework('cambridgeshire');
const quarter = periodFromIso('2020-04-01', '2020-06-30');
const cases = importCases(tableOf(HEADERS, ROWS), framework).cases;
const { figures } = tallyCases(cases, framework, quarter);
const plainOver = (period: Period) => tallyCases(cases, plain, period).figures;
const byId = new Map(figuresOf(framework).map((f) => [f.id, f]));

describe('figures asked month by month', () => {
  it('have stable ids: each month, then the period value, then the rolling window', () => {
    const ids = figuresOf(framework).map((f) => f.id);
    expect(ids.filter((id) => id.startsWith('referrals.total'))).toEqual([
      'referrals.total.m1', 'referrals.total.m2', 'referrals.total.m3', 'referrals.total', 'referrals.total.last_12_months',
    ]);
    expect(ids).toEqual(expect.arrayContaining(['referrals.by_source.police.m2', 'caseload_end.total.m3', 'outcomes.total.m1']));
    expect(ids).not.toContain('referrals.by_source.police.last_12_months');
    expect(ids).not.toContain('waiting.average_number.m1');
  });

  it('are named together by a selector ending in m*, for rules over typed-in months', () => {
    const ids = figuresOf(framework).map((f) => f.id);
    expect(matchFigures('referrals.total.m*', ids)).toEqual(['referrals.total.m1', 'referrals.total.m2', 'referrals.total.m3']);
    expect(matchFigures('referrals.by_source.*.m2', ids)).toHaveLength(figuresOf(plain).filter((f) => f.template.id === 'referrals.by_source.<source>').length);
  });

  it('count each month as the figure counted over that month alone', () => {
    const months = [1, 2, 3].map((index) => plainOver(subPeriodOf(quarter, { kind: 'month', index })));
    let compared = 0;
    for (const figure of figuresOf(framework)) {
      if (figure.subPeriod?.kind !== 'month') continue;
      const own = figure.id.slice(0, -'.m1'.length);
      if (!(own in months[0]!)) continue; // outcomes.total.m1 is the sum of the month's outcomes, checked below
      expect([figure.id, figures[figure.id]]).toEqual([figure.id, months[figure.subPeriod.index - 1]![own]]);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(40);
    expect(figures['referrals.total.m2']).toBeGreaterThan(0); // G, referred 10 May
  });

  it('give a flow its months added up, a stock its last or first month, and anything else the whole period', () => {
    const quarterOnly = plainOver(quarter);
    const months = (id: string) => [1, 2, 3].map((k) => figures[`${id}.m${k}`]!);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(figures['referrals.total']).toBe(sum(months('referrals.total')));
    expect(figures['referrals.total']).toBe(quarterOnly['referrals.total']);
    expect(figures['referrals.by_source.police']).toBe(sum(months('referrals.by_source.police')));
    expect(figures['caseload_end.total']).toBe(figures['caseload_end.total.m3']);
    expect(figures['caseload_start.total']).toBe(figures['caseload_start.total.m1']);
    expect(figures['caseload_start.total']).toBe(quarterOnly['caseload_start.total']);
    // Active in the quarter: each case once, however many months it was active in.
    expect(figures['support.total']).toBe(quarterOnly['support.total']);
    expect(figures['support.total']).toBeLessThan(sum(months('support.total')));
    expect(figures['outcomes.total.m2']).toBe(sum(figuresOf(framework).filter((f) => f.template.id === 'outcomes.<outcome>' && f.subPeriod?.kind === 'month' && f.subPeriod.index === 2).map((f) => figures[f.id]!)));
  });

  it('count the rolling window as the 12 months to the period end', () => {
    const year = { from: addMonths(quarter.to + 1, -12), to: quarter.to };
    expect(year).toEqual(periodFromIso('2019-07-01', '2020-06-30'));
    expect(figures['referrals.total.last_12_months']).toBe(plainOver(year)['referrals.total']);
    expect(figures['referrals.total.last_12_months']).toBeGreaterThan(figures['referrals.total']!); // A, B and C were referred in March
  });

  it('find the cases behind a month and behind the period value', () => {
    for (const id of ['referrals.total.m1', 'referrals.total.m2', 'referrals.total', 'caseload_end.total', 'support.total.m3'])
      expect([id, casesBehind(byId.get(id)!, cases, framework, quarter).length]).toEqual([id, figures[id]]);
    expect(casesBehind(byId.get('referrals.total.m2')!, cases, framework, quarter).map((c) => c.id)).toEqual(['G']);
  });

  it('write month bounds worked out live from the period cells, and the period value from the months', () => {
    expect(figureFormula(byId.get('referrals.total.m2')!, framework)).toBe('COUNTIFS(case.referral_date,">="&EDATE(period.from,1),case.referral_date,"<="&(EDATE(period.from,2)-1))');
    expect(figureFormula(byId.get('referrals.total.last_12_months')!, framework)).toBe('COUNTIFS(case.referral_date,">="&EDATE(period.to+1,-12),case.referral_date,"<="&period.to)');
    expect(figureFormula(byId.get('referrals.total')!, framework)).toBe('referrals.total.m1+referrals.total.m2+referrals.total.m3');
    expect(figureFormula(byId.get('caseload_end.total')!, framework)).toBe('caseload_end.total.m3');
    expect(figureFormula(byId.get('caseload_start.total')!, framework)).toBe('caseload_start.total.m1');
    expect(figureFormula(byId.get('support.total')!, framework)).toContain('period.from');
    expect(figureFormula(byId.get('outcomes.total.m3')!, framework)).toMatch(/^outcomes\.\w+\.m3(\+outcomes\.\w+\.m3)+$/);
  });

  it('refuse a period that is not the return\'s whole months, saying what would do', () => {
    for (const [from, to] of [['2020-04-02', '2020-06-30'], ['2020-04-01', '2020-06-29'], ['2020-04-01', '2020-09-30']]) {
      const tally = () => tallyCases(cases, framework, periodFromIso(from!, to!));
      expect(tally).toThrow(InputError);
      expect(tally).toThrow(`is asked month by month over 3 months, but the period ${from} to ${to} is not 3 whole months: start it on the first day of a month and end it on the last day of the third month (e.g. 2020-04-01 to 2020-06-30).`);
    }
  });
});

describe('addMonths', () => {
  it('moves a date by months as EDATE does, keeping to the month\'s last day', () => {
    const iso = (from: string, n: number) => new Date(addMonths(periodFromIso(from, from).from, n) * 86_400_000).toISOString().slice(0, 10);
    expect(iso('2020-01-31', 1)).toBe('2020-02-29');
    expect(iso('2020-07-01', -12)).toBe('2019-07-01');
    expect(iso('2020-11-15', 3)).toBe('2021-02-15');
  });
});
