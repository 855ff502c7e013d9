import type { ProviderReturn } from '../../../src/engine/aggregation/aggregate';
import { peerRateFindings, quantile } from '../../../src/engine/aggregation/peerRates';
import { swingFindings } from '../../../src/engine/aggregation/swings';
import { returnWith } from '../../support/returns';

/** A provider with a caseload of 100 new referrals, of whom `disengaged` disengaged. */
const provider = (name: string, disengaged: number, extra: Record<string, number | null> = {}): ProviderReturn => ({
  file: `${name}.xlsx`,
  name,
  data: returnWith({ 'referrals.total': 100, 'support.disengaged': disengaged, ...extra }, { source: `${name}.xlsx` }),
});

describe('comparing providers with each other', () => {
  it('queries a provider whose rate is outside 1.5 × the interquartile range of the others, naming it and showing the arithmetic', () => {
    const findings = peerRateFindings([provider('A', 5), provider('B', 6), provider('C', 8), provider('D', 9), provider('E', 10), provider('F', 45)]);
    expect(findings.map((f) => [f.code, f.rule, f.severity, f.figures])).toEqual([['peer_outlier', 'peer_outlier', 'query', ['support.disengaged']]]);
    expect(findings[0]!.message).toBe(
      'F: Eligible victims who disengaged, of the caseload and new referrals is 45.0% (45 of 100), far above the other 5 providers (middle half 6.0% to 9.0%; expected within 1.5% to 13.5%).',
    );
    expect(findings[0]!.params).toMatchObject({ actual: 0.45, expected: 0.08, text: 'F' });
  });

  it('queries a rate far below the others too, and none when every provider is within the fences', () => {
    expect(peerRateFindings([provider('A', 30), provider('B', 31), provider('C', 33), provider('D', 34), provider('E', 0)]).map((f) => f.message)).toEqual([expect.stringMatching(/^E: .* is 0\.0% \(0 of 100\), far below the other 4 providers/)]);
    expect(peerRateFindings([provider('A', 5), provider('B', 6), provider('C', 8), provider('D', 9), provider('E', 11)])).toEqual([]);
  });

  it('compares no one with fewer than four other providers, and leaves out a provider whose base is under the rate\u2019s minimum or blank', () => {
    expect(peerRateFindings([provider('A', 5), provider('B', 6), provider('C', 8), provider('F', 90)])).toEqual([]);
    const small = provider('Small', 4, { 'referrals.total': 5 });
    const blank = provider('Blank', 4, { 'referrals.total': null });
    expect(peerRateFindings([provider('A', 5), provider('B', 6), provider('C', 8), provider('D', 9), small, blank])).toEqual([]);
  });

  it('interpolates quartiles between neighbours', () => {
    expect([0.25, 0.5, 0.75].map((q) => quantile([1, 2, 3, 4], q))).toEqual([1.75, 2.5, 3.25]);
  });
});

describe('swings against last period', () => {
  const before = returnWith({ 'referrals.total': 100, 'referrals.self': 8, 'support.total': 40 });
  it('queries a figure that moved by more than the swing allowed, not one that moved less, nor one that was under 10 last period', () => {
    const now = returnWith({ 'referrals.total': 130, 'referrals.self': 16, 'support.total': 30 }, { cells: { 'referrals.total': 'Outputs!B20' } });
    const findings = swingFindings(now, before, 25);
    expect(findings.map((f) => [f.figures[0], f.cells, f.message])).toEqual([
      ['referrals.total', ['Outputs!B20'], "Total new referrals is 130, up 30% on the previous period's 100 (more than the 25% allowed)."],
    ]);
    expect(swingFindings(now, before, 20).map((f) => f.figures[0])).toEqual(['referrals.total', 'support.total']);
  });
});
