import { figuresOf } from '../../../src/frameworks/expand';
import { importCases } from '../../../src/engine/cases/importCases';
import { figureFormula } from '../../../src/engine/formulas/figureFormula';
import { figureSpec } from '../../../src/engine/spec/figureSpec';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { TIMING_HEADERS, TIMING_ROWS, timingFramework } from '../../fixtures/timingFramework';
import { tableOf } from '../../support/tables';

const framework = timingFramework;
const period = periodFromIso('2024-04-01', '2024-06-30');
const imported = importCases(tableOf(TIMING_HEADERS, TIMING_ROWS), framework);

describe('timing and comparison conditions', () => {
  const { figures } = tallyCases(imported.cases, framework, period);

  it.each([
    ['referred.total', 10],
    // Exactly 48:00 is within; 48:01 is not; a contact before the referral is neither; dates alone are 00:00.
    ['contact.within_48h', 4],
    ['contact.later_than_48h', 3],
    // Calendar days: a contact on the referral's day is day 0 even when its time is earlier.
    ['contact.within_3_days', 8],
    // Saturday, the early May and spring bank holidays, a Sunday.
    ['referred.weekend', 4],
    ['referred.weekday', 5],
    ['referral_date.weekend', 4],
    // Weekdays within 48 hours (2), weekends and bank holidays within 72 (3).
    ['contact.on_time', 5],
    ['sessions.three_or_more', 3],
    ['sessions.one_to_five', 5],
    ['sessions.two_or_vulnerable', 4],
    ['exits.same_day', 1],
    ['exits.before_contact', 3],
    // T5's contact at 11:00 is before its referral at 12:00 the same day; T7's dates alone are in order by day.
    ['contact.before_referral', 1],
    ['contact.on_or_after_referral', 7],
    ['needs.housing_or_finance', 5],
    ['needs.housing', 3],
    ['needs.any', 6],
    ['needs.alternatives', 6],
    ['needs.not_housing_alternative', 5],
    ['sessions.weekend_referrals', 6],
    ['contacted.in_period', 10],
  ])('counts %s as %i', (id, value) => {
    expect(figures[id]).toBe(value);
  });

  it('gives the same cases behind each count as the tally counts', () => {
    for (const figure of figuresOf(framework).filter((f) => figureSpec(f, framework).kind === 'count'))
      expect([figure.id, casesBehind(figure, imported.cases, framework, period).length]).toEqual([figure.id, figures[figure.id]]);
  });

  it('writes the tests between two columns and of the kind of day as SUMPRODUCT, the rest as COUNTIFS', () => {
    const formula = (id: string) => figureFormula(figuresOf(framework).find((f) => f.id === id)!, framework);
    expect(formula('sessions.three_or_more')).toBe('COUNTIFS(case.referral_date,">="&period.from,case.referral_date,"<="&period.to,case.sessions,">=3")');
    expect(formula('contact.within_48h')).toContain('ROUND((case.contacted_at-case.referred_at)*86400,0))<=172800');
    expect(formula('referred.weekend')).toContain('MATCH(INT(case.referred_at),calendar.bank_holidays,0)');
    expect(formula('contacted.in_period')).toContain('"<="&period.to');
    expect(formula('contact.before_referral')).toContain('(MOD(case.contacted_at,1)<>0)*(MOD(case.referred_at,1)<>0)*ROUND((case.contacted_at-case.referred_at)*86400,0)');
  });

  it('reports a date the bank-holiday table does not cover when a condition asks its kind of day, and counts it as neither', () => {
    const early = importCases(tableOf(TIMING_HEADERS, [{ 'Case ID': 'E1', 'Referral date': '31/12/2014', 'Referred at': '31/12/2014 10:00' }]), framework);
    expect(early.issues.map((i) => [i.code, i.column, i.row])).toEqual(
      expect.arrayContaining([
        ['outside_bank_holiday_table', 'Referred at', 2],
        ['outside_bank_holiday_table', 'Referral date', 2],
      ]),
    );
    const { figures: old } = tallyCases(early.cases, framework, periodFromIso('2014-12-01', '2014-12-31'));
    expect([old['referred.total'], old['referred.weekend'], old['referred.weekday']]).toEqual([1, 0, 0]);
  });
});
