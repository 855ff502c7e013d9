import { figuresOf } from '../../frameworks/expand';
import { InputError } from '../../errors';
import { providerKey } from '../checks/previousReturn';
import { listOf, providersCounted, type ProviderReturn } from './aggregate';

/**
 * Refuses returns that would count a provider twice: two naming the same provider (a consolidated return counts
 * each provider it totals), or two holding the same figures, every one, with some not 0 (one return saved twice
 * under two names). Either would be added up without a sign in the total.
 */
export function refuseRepeatedReturns(returns: readonly ProviderReturn[]): void {
  const seen = new Map<string, ProviderReturn>();
  for (const r of returns)
    for (const name of providersCounted(r)) {
      const earlier = seen.get(providerKey(name));
      if (earlier)
        throw new InputError(
          `${earlier.file} and ${r.file} both count ${name}${r.consolidates || earlier.consolidates ? ' (a consolidated return counts each provider it totals)' : ''}: adding both would count ${name} twice. Keep the one that is right, take the other out, and run the command again.`,
        );
      seen.set(providerKey(name), r);
    }
  const byFigures = new Map<string, ProviderReturn>();
  for (const r of returns) {
    const figures = figuresOf(r.data.framework).filter((f) => !r.data.held || r.data.held.has(f.id));
    const values = figures.map((f) => r.data.values[f.id] ?? null);
    if (!values.some((v) => typeof v === 'number' && v !== 0)) continue;
    const key = JSON.stringify([figures.map((f) => f.id), values]);
    const earlier = byFigures.get(key);
    if (earlier)
      throw new InputError(
        `${earlier.file} (${earlier.name}) and ${r.file} (${r.name}) hold the same figures, every one: they look like one return saved twice, and adding both would count it twice. Take out the copy and run the command again; if they truly are two providers' returns, ask each provider to confirm its figures.`,
      );
    byFigures.set(key, r);
  }
}

/**
 * A consolidated return among the returns to add up is refused, not left out: the commissioner put it in the set,
 * and adding it would count its providers twice while leaving it out silently would hide a file they thought counted.
 */
export function refuseConsolidatedInputs(returns: readonly ProviderReturn[]): void {
  const consolidated = returns.filter((r) => r.consolidates);
  if (consolidated.length)
    throw new InputError(
      `${consolidated.map((r) => `${r.file} is a consolidated return (made by returns aggregate, totalling ${listOf(r.consolidates!)})`).join('; ')}, not a provider's return: adding it would count ${consolidated.length === 1 ? 'its' : 'their'} providers twice. Take it out of the returns to aggregate (keep consolidated returns out of the folder of returns received, e.g. write --out elsewhere), and run the command again.`,
    );
}

/**
 * Last period's figures are compared with this period's only when both count the same providers: otherwise every
 * change measures a provider joining or leaving, not a change in the service. Refused, naming the difference.
 */
export function refuseOtherProviders(current: readonly ProviderReturn[], previous: readonly ProviderReturn[]): void {
  const names = (rs: readonly ProviderReturn[]) => new Map(rs.flatMap(providersCounted).map((n) => [providerKey(n), n]));
  const [now, before] = [names(current), names(previous)];
  const missing = [...now].filter(([key]) => !before.has(key)).map(([, n]) => n);
  const extra = [...before].filter(([key]) => !now.has(key)).map(([, n]) => n);
  if (!missing.length && !extra.length) return;
  throw new InputError(
    `The previous returns (${previous.map((r) => r.file).join(', ')}) count ${listOf([...before.values()])}, but this period's count ${listOf([...now.values()])}: ${[
      ...(missing.length ? [`${listOf(missing)} ${missing.length === 1 ? 'has' : 'have'} no previous return`] : []),
      ...(extra.length ? [`${listOf(extra)} ${extra.length === 1 ? 'is' : 'are'} not in this period's returns`] : []),
    ].join(', and ')}, so each change on last period would be wrong. Give last period's returns of the same providers (--previous once for each), or last period's consolidated return of them; or leave out --previous.`,
  );
}
