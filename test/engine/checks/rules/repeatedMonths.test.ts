import { findings, returnWith } from '../../../support/returns';

describe('repeated_months', () => {
  // Three figures of the return standing in for a figure's three months.
  const rule = { kind: 'repeated_months', months: ['needs.additional', 'needs.mental_health', 'needs.referred_commissioned'] };
  const months = (a: number, b: number, c: number) => returnWith({ 'needs.additional': a, 'needs.mental_health': b, 'needs.referred_commissioned': c });

  it('queries the same value in every month, saying so with the labels', () => {
    const found = findings(rule, months(168, 168, 168));
    expect(found.map((f) => f.figures)).toEqual([['needs.additional', 'needs.mental_health', 'needs.referred_commissioned']]);
    expect(found[0]!.message).toMatch(/^.+; .+ and .+ are all 168: the same in every month, as if copied from one month to the next\.$/);
  });

  it('passes months that differ, and months all below the minimum (0, 0, 0 by default)', () => {
    expect(findings(rule, months(308, 280, 338))).toEqual([]);
    expect(findings(rule, months(168, 168, 167))).toEqual([]);
    expect(findings(rule, months(0, 0, 0))).toEqual([]);
    expect(findings({ ...rule, min: 5 }, months(3, 3, 3))).toEqual([]);
  });

  it('says nothing while a month is not a number yet', () => {
    expect(findings(rule, returnWith({ 'needs.additional': 168, 'needs.mental_health': 168, 'needs.referred_commissioned': null }))).toEqual([]);
  });
});
