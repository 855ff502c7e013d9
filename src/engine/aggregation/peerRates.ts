import { figuresOf } from '../../frameworks/expand';
import type { Rate } from '../../frameworks/schema';
import { matchFigures } from '../../frameworks/selectors';
import { catalogueFinding, type Finding } from '../checks/findings';
import type { ProviderReturn } from './aggregate';

/** Fewer other providers than this have no quartiles worth the name: nobody is compared. */
export const MIN_PEERS = 4;

/** One provider's rate: its numerator and denominator summed from its figures. */
interface ProviderRate {
  provider: ProviderReturn;
  numerator: number;
  denominator: number;
  rate: number;
}

/**
 * Queries a provider whose rate (the framework's rates: a not-stated share, outcomes per exit, disengagement)
 * is outside 1.5 × the interquartile range of the other providers' rates, Tukey's fences. Each provider is
 * compared with the others, not with a middle it moves itself; providers that cannot state the rate are left out.
 */
export function peerRateFindings(returns: ProviderReturn[]): Finding[] {
  const framework = returns[0]?.data.framework;
  if (!framework) return [];
  const ids = figuresOf(framework).map((f) => f.id);
  return framework.rates.flatMap((rate) => {
    const rates = returns.map((r) => rateOf(rate, r, ids)).filter((r): r is ProviderRate => r !== null);
    return rates.flatMap((one) => {
      const others = rates.filter((r) => r !== one).map((r) => r.rate).sort((a, b) => a - b);
      if (others.length < MIN_PEERS) return [];
      const [q1, q3] = [quantile(others, 0.25), quantile(others, 0.75)];
      const [low, high] = [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
      if (one.rate >= low && one.rate <= high) return [];
      const shown = (n: number) => show(rate, n);
      return [
        catalogueFinding('peer_outlier', {
          severity: 'query',
          figures: matchFigures(rate.numerator, ids),
          cells: [],
          params: { actual: one.rate, expected: quantile(others, 0.5), limit: one.rate > high ? high : low, text: one.provider.name },
          message: `${one.provider.name}: ${rate.label} is ${shown(one.rate)} (${one.numerator} of ${one.denominator}), far ${one.rate > high ? 'above' : 'below'} the other ${others.length} providers (middle half ${shown(q1)} to ${shown(q3)}; expected within ${shown(Math.max(low, 0))} to ${shown(high)}).`,
          hint: `Ask ${one.provider.name} whether the figures are right, or what explains the difference.`,
        }),
      ];
    });
  });
}

function rateOf(rate: Rate, provider: ProviderReturn, ids: string[]): ProviderRate | null {
  const held = provider.data.held ? ids.filter((id) => provider.data.held!.has(id)) : ids;
  const total = (selector: string | string[]) => {
    const figures = matchFigures(selector, held);
    const values = figures.map((id) => provider.data.values[id]);
    return figures.length && values.every((v): v is number => typeof v === 'number' && Number.isFinite(v)) ? values.reduce((a, b) => a + b, 0) : null;
  };
  const [numerator, denominator] = [total(rate.numerator), total(rate.denominator)];
  if (numerator === null || denominator === null || denominator <= 0 || denominator < rate.minBase) return null;
  return { provider, numerator, denominator, rate: numerator / denominator };
}

/** The q-quantile of sorted values, interpolating between neighbours. */
export function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  return sorted[below]! + (sorted[Math.min(below + 1, sorted.length - 1)]! - sorted[below]!) * (at - below);
}

function show(rate: Rate, n: number): string {
  return rate.unit === 'percent' ? `${(n * 100).toFixed(1)}%` : n.toFixed(2);
}
