import { aggregateReturns, type ProviderReturn } from '../../../src/engine/aggregation/aggregate';
import { refuseConsolidatedInputs, refuseOtherProviders, refuseRepeatedReturns } from '../../../src/engine/aggregation/countedOnce';
import { returnWith } from '../../support/returns';

const provider = (file: string, name: string, values: Parameters<typeof returnWith>[0] = { 'referrals.total': file.length }, consolidates?: string[]): ProviderReturn => ({
  file,
  name,
  data: returnWith(values, { source: file }),
  ...(consolidates ? { consolidates } : {}),
});

describe('each provider counted once', () => {
  it('refuses two returns of the same provider, naming both files', () => {
    const returns = [provider('a.xlsx', 'Provider a'), provider('b.xlsx', 'Provider b'), provider('a-copy.xlsx', 'provider  A', { 'referrals.total': 99 })];
    expect(() => aggregateReturns(returns)).toThrow('a.xlsx and a-copy.xlsx both count provider  A: adding both would count provider  A twice. Keep the one that is right, take the other out, and run the command again.');
  });

  it('refuses two returns with the same figures under different names, as one return saved twice', () => {
    const same = { 'referrals.total': 12, 'support.total': 7 };
    expect(() => refuseRepeatedReturns([provider('a.xlsx', 'a', same), provider('b.xlsx', 'b'), provider('a2.xlsx', 'a2', same)])).toThrow(/^a\.xlsx \(a\) and a2\.xlsx \(a2\) hold the same figures, every one/);
    // Two providers with nothing to report are not one return twice.
    expect(() => refuseRepeatedReturns([provider('a.xlsx', 'a', {}), provider('b.xlsx', 'b', {})])).not.toThrow();
  });

  it('counts the providers a consolidated return totals: one of them beside it is refused, another provider is not', () => {
    const all = provider('all.xlsx', 'All providers (2)', { 'referrals.total': 30 }, ['Provider a', 'Provider b']);
    expect(() => refuseRepeatedReturns([all, provider('a.xlsx', 'Provider a')])).toThrow('all.xlsx and a.xlsx both count Provider a (a consolidated return counts each provider it totals)');
    expect(() => refuseRepeatedReturns([all, provider('c.xlsx', 'Provider c')])).not.toThrow();
  });

  it('refuses a consolidated return among the returns to aggregate, naming it and what to do', () => {
    const all = provider('sub/new.xlsx', 'All providers (2)', {}, ['Provider a', 'Provider b']);
    expect(() => refuseConsolidatedInputs([provider('sub/a.xlsx', 'Provider a'), all])).toThrow(
      'sub/new.xlsx is a consolidated return (made by returns aggregate, totalling Provider a and Provider b), not a provider\'s return: adding it would count its providers twice. Take it out of the returns to aggregate',
    );
    expect(() => refuseConsolidatedInputs([provider('sub/a.xlsx', 'Provider a')])).not.toThrow();
  });
});

describe('last period compared only over the same providers', () => {
  const now = [provider('a.xlsx', 'Provider a'), provider('b.xlsx', 'Provider b'), provider('c.xlsx', 'Provider c')];

  it('refuses previous returns of only some of the providers, naming those without one', () => {
    expect(() => refuseOtherProviders(now, [provider('prev/a.xlsx', 'Provider a')])).toThrow(
      "The previous returns (prev/a.xlsx) count Provider a, but this period's count Provider a, Provider b and Provider c: Provider b and Provider c have no previous return, so each change on last period would be wrong.",
    );
  });

  it('names a provider counted last period but not now', () => {
    expect(() => refuseOtherProviders(now.slice(0, 1), [provider('prev/a.xlsx', 'Provider a'), provider('prev/d.xlsx', 'Provider d')])).toThrow(/Provider d is not in this period's returns/);
  });

  it('accepts the same providers, one return each or last period\u2019s consolidated return of them', () => {
    expect(() => refuseOtherProviders(now, now.map((r) => provider(`prev/${r.file}`, r.name.toUpperCase())))).not.toThrow();
    expect(() => refuseOtherProviders(now, [provider('prev/all.xlsx', 'All providers (3)', {}, ['Provider a', 'Provider b', 'Provider c'])])).not.toThrow();
  });
});
