import { figuresOf } from '../../../src/frameworks/expand';
import { importCases } from '../../../src/engine/cases/importCases';
import { figureFormula } from '../../../src/engine/formulas/figureFormula';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { TIMING_HEADERS, TIMING_ROWS, timingFramework } from '../../fixtures/timingFramework';
import { tableOf } from '../../support/tables';

const framework = timingFramework;
const period = periodFromIso('2024-04-01', '2024-06-30');
const imported = importCases(tableOf(TIMING_HEADERS, TIMING_ROWS), framework);
const figure = (id: string) => figuresOf(framework).find((f) => f.id === id)!;

describe('duration figures', () => {
  const { figures } = tallyCases(imported.cases, framework, period);

  it.each([
    // T1 48:00, T2 48:01, T3 71:59, T4 73:00, T6 36:00, T7 48:00 (dates alone), T10 40 seconds: 1,170,040 s over 7 cases.
    // Left out: T5 contacted an hour before its referral, T8 not contacted, T9 with no referral time.
    ['duration.hours_to_contact', 46.43],
    // High risk: T1 2 calendar days, T5 0 (the same day, an hour earlier, is not before it in days); T8 not contacted.
    ['duration.days_to_contact_high_risk', 1],
    // First contacts dated in the period, whenever referred (T11 in March): 19 days over 9 cases, ÷ 7.
    ['duration.weeks_to_contact_in_period', 0.3],
    // No case: blank, not 0.
    ['duration.none', null],
  ])('gives %s as %p', (id, value) => {
    expect(figures[id]).toBe(value);
  });

  it('gives as the cases behind a duration the cases its mean is over', () => {
    const ids = (id: string) => casesBehind(figure(id), imported.cases, framework, period).map((c) => c.id);
    expect(ids('duration.hours_to_contact')).toEqual(['T1', 'T2', 'T3', 'T4', 'T6', 'T7', 'T10']);
    expect(ids('duration.weeks_to_contact_in_period')).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T9', 'T11']);
  });

  it('reports a row whose end is before its start, or whose end has no start, naming the durations it is left out of', () => {
    const about = imported.issues.filter((i) => i.code === 'contradiction' && i.check?.startsWith('duration_'));
    expect(about.map((i) => [i.check, i.row, i.severity])).toEqual([
      ['duration_contacted_at_before_referred_at', 6, 'warning'],
      ['duration_contacted_at_without_referred_at', 10, 'warning'],
    ]);
    expect(about[0]!.message).toContain('First contact at is before Referred at, so the case is left out of the time measured between them ("Mean hours from referral to first contact"');
  });

  it('reports nothing for a duration whose columns the export lacks', () => {
    const headers = TIMING_HEADERS.filter((h) => h !== 'Referred at');
    const without = importCases(tableOf(headers, TIMING_ROWS), framework);
    expect(without.issues.filter((i) => i.check?.startsWith('duration_'))).toEqual([]);
    expect(tallyCases(without.cases, framework, period, without.absent).blanked['duration.hours_to_contact']).toEqual(['referred_at']);
  });

  it('writes the mean as a SUMPRODUCT over the selected cases, blank when there are none', () => {
    const formula = figureFormula(figure('duration.hours_to_contact'), framework);
    expect(formula).toMatch(/^IF\(SUMPRODUCT\(\(.*\)\)=0,"",ROUND\(SUMPRODUCT\(\(.*\)\*ROUND\(\(case\.contacted_at-case\.referred_at\)\*86400,0\)\)\/\(3600\*SUMPRODUCT\(.*\)\),2\)\)$/);
    expect(figureFormula(figure('duration.weeks_to_contact_in_period'), framework)).toContain('(INT(case.contacted_at)-INT(case.referral_date)))/(7*SUMPRODUCT(');
  });
});
