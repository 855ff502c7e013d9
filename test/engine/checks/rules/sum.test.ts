import { findings, returnWith } from '../../../support/returns';

describe('sum', () => {
  const rule = { kind: 'sum', total: 'referrals.total', parts: 'referrals.by_source.*', partsLabel: 'New referrals by source' };
  it('passes a breakdown that adds up', () => {
    expect(findings(rule, returnWith({ 'referrals.total': 10, 'referrals.by_source.police': 7, 'referrals.by_source.self': 3 }))).toEqual([]);
  });
  it('shows the arithmetic when it does not', () => {
    const result = findings(rule, returnWith({ 'referrals.total': 607, 'referrals.by_source.police': 600, 'referrals.by_source.self': 10 }));
    expect(result).toHaveLength(1);
    expect(result[0]!.message).toBe('New referrals by source add up to 610 but Total new referrals is 607 (3 more).');
    expect(result[0]!.figures[0]).toBe('referrals.total');
    expect(result[0]!.figures).toContain('referrals.by_source.unknown');
  });
  it('checks each margin of a cross-table, naming the breakdown when no label is given', () => {
    const margins = { kind: 'sum', total: 'support.by_crime.<crime>', parts: 'demographics.gender.*.<crime>' };
    const result = findings(margins, returnWith({ 'support.by_crime.robbery': 5, 'demographics.gender.female.robbery': 2, 'demographics.gender.male.robbery': 2 }));
    expect(result.map((r) => r.message)).toEqual(['Victims receiving support: Robbery by gender add up to 4 but Victims receiving support: Robbery is 5 (1 fewer).']);
  });
  it('leaves the check to the value rules when a figure is not a number', () => {
    expect(findings(rule, returnWith({ 'referrals.total': 5, 'referrals.by_source.police': '***' }))).toEqual([]);
  });
});
