import { figuresOf } from '../../../src/frameworks/expand';
import { importCases } from '../../../src/engine/cases/importCases';
import { figureFormula } from '../../../src/engine/formulas/figureFormula';
import { figureSpec } from '../../../src/engine/spec/figureSpec';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { DATE_ALONE_ROWS, TIMING_HEADERS, TIMING_ROWS, timingFramework } from '../../fixtures/timingFramework';
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
    // To the second when both carry a time of day, by calendar day otherwise.
    expect(formula('contact.within_48h')).toContain(
      '((MOD(case.contacted_at,1)<>0)*(MOD(case.referred_at,1)<>0)*ROUND((case.contacted_at-case.referred_at)*86400,0)+(1-(MOD(case.contacted_at,1)<>0)*(MOD(case.referred_at,1)<>0))*(INT(case.contacted_at)-INT(case.referred_at))*86400)<=172800',
    );
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

describe('an hours condition where one side is a date alone, the other a date and time', () => {
  const alone = importCases(tableOf(TIMING_HEADERS, DATE_ALONE_ROWS), framework);
  const { figures } = tallyCases(alone.cases, framework, period);

  it.each([
    // Counted by calendar day: the same day and two days on are within 48 hours, three days on later than it.
    ['contact.within_48h', 3],
    ['contact.later_than_48h', 1],
    ['contact.on_time', 3],
    // As the order of the two is told: a contact without a time on the referral's day is not before it.
    ['contact.before_referral', 0],
    ['contact.on_or_after_referral', 4],
  ])('counts %s as %i', (id, value) => {
    expect(figures[id]).toBe(value);
  });

  it('gives the same cases behind each count as the tally counts', () => {
    const ids = (id: string) => casesBehind(figuresOf(framework).find((f) => f.id === id)!, alone.cases, framework, period).map((c) => c.id);
    expect([ids('contact.within_48h'), ids('contact.later_than_48h')]).toEqual([['D1', 'D2', 'D4'], ['D3']]);
  });

  it('reports each such row, naming both cells, how it is counted and which to give its time', () => {
    const issues = alone.issues.filter((i) => i.check?.includes('_date_alone_'));
    expect(issues.map((i) => [i.caseId, i.check, i.column, i.value, i.severity])).toEqual([
      ['D1', 'contacted_at_date_alone_beside_referred_at', 'Referred at; First contact at', '12/06/2024 14:35; 12/06/2024', 'warning'],
      ['D2', 'referred_at_date_alone_beside_contacted_at', 'Referred at; First contact at', '13/06/2024; 15/06/2024 10:00', 'warning'],
      ['D3', 'contacted_at_date_alone_beside_referred_at', 'Referred at; First contact at', '17/06/2024 14:35; 20/06/2024', 'warning'],
      ['D4', 'referred_at_date_alone_beside_contacted_at', 'Referred at; First contact at', '45461; 45461.375', 'warning'],
    ]);
    expect(issues[1]!.message).toBe(
      'Referred at "13/06/2024", First contact at "15/06/2024 10:00": Referred at has no time of day, so the hours between it and First contact at are counted by calendar day (the same day as 0 hours, the next as 24) in "Contacted within 48 hours", "Contacted after 48 hours", "Contacted within 48 hours on weekdays, 72 at weekends". Give Referred at its time of day, as 03/04/2024 14:35.',
    );
  });

  it('reports none where both carry a time, or both are dates alone', () => {
    expect(imported.issues.filter((i) => i.check?.includes('_date_alone_'))).toEqual([]);
  });
});
