import { InputError } from '../../errors';
import { displayDay } from '../cases/dates';
import type { Period } from '../tally/period';
import { catalogueFinding, type Finding } from './findings';
import type { ReturnData } from './returnData';

/** A provider's name as compared: "Provider  A" and "provider a" are one provider. */
export const providerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const periodText = (period: Period) => `${displayDay(period.from)} to ${displayDay(period.to)}`;

/** The refusal of an earlier return of another framework: one wording wherever a previous return is given. */
export function otherFrameworkProblem(current: ReturnData, previous: ReturnData): string | null {
  return previous.framework.id === current.framework.id
    ? null
    : `${previous.source} is a return of "${previous.framework.title}" but ${current.source} is one of "${current.framework.title}".`;
}

/**
 * Why `previous` cannot be the return that `current` follows on from: another framework, another provider (where
 * both name theirs), or a period that does not end before the current one starts. Empty: it can be.
 */
export function previousReturnProblems(current: ReturnData, previous: ReturnData): string[] {
  const framework = otherFrameworkProblem(current, previous);
  if (framework) return [framework];
  const problems: string[] = [];
  if (current.provider && previous.provider && providerKey(current.provider) !== providerKey(previous.provider))
    problems.push(`${previous.source} is ${previous.provider}\u2019s return but ${current.source} is ${current.provider}\u2019s: a return follows on only from the same provider\u2019s.`);
  const [now, before] = [current.period, previous.period];
  if (now && before && before.to >= now.from)
    problems.push(
      before.from === now.from && before.to === now.to
        ? `${previous.source} covers the same period as ${current.source} (${periodText(now)}), so it is not a previous period.`
        : `${previous.source} covers ${periodText(before)}, which does not end before the period of ${current.source} (${periodText(now)}) starts.`,
    );
  return problems;
}

/** Refuses a previous return that `current` cannot follow on from, saying every reason and what to give instead. */
export function refuseUnfitPrevious(current: ReturnData, previous: ReturnData): void {
  const problems = previousReturnProblems(current, previous);
  if (problems.length) throw new InputError(`${previous.source} cannot be the previous return of ${current.source}: ${problems.join(' ')} Give earlier periods of the same return, from the same provider, with --previous.`);
}

/**
 * What to note of a previous return that fits: a gap between its end and the current period's start (the
 * continuity rule then compares figures that are not next to each other), or a period not given on either side.
 */
export function previousPeriodNotes(current: ReturnData, previous: ReturnData): Finding[] {
  const [now, before] = [current.period, previous.period];
  const note = (message: string) => catalogueFinding('previous_period', { severity: 'info', figures: [], cells: [], params: {}, message, hint: 'Give the return of the period just before, where there is one.' });
  if (!now || !before) return [note(`${!before ? previous.source : current.source} does not say what period it covers, so it is not known that ${previous.source} is the return of the period before.`)];
  if (before.to + 1 < now.from)
    return [note(`${previous.source} ends on ${displayDay(before.to)}, not the day before ${current.source}'s period starts (${displayDay(now.from)}): the ${now.from - before.to - 1} days between are in neither return, so their opening and closing figures need not follow on.`)];
  return [];
}

/**
 * The previous return a checked return is compared with, from those given. Checking one return, every previous
 * return given is its own; checking several, each is compared only with the previous returns of the provider it
 * names. The latest fitting one is used; one that cannot be this return's previous is refused; none given for a
 * provider is said in a note, so a continuity rule not run is never taken for one passed.
 */
export function previousFor(current: ReturnData, given: readonly ReturnData[], checkingSeveral: boolean): { previous: ReturnData | null; notes: Finding[] } {
  if (!given.length) return { previous: null, notes: [] };
  const own = checkingSeveral ? given.filter((p) => current.provider && p.provider && providerKey(p.provider) === providerKey(current.provider)) : given;
  if (!own.length)
    return {
      previous: null,
      notes: [
        catalogueFinding('not_compared', {
          severity: 'info',
          figures: [],
          cells: [],
          params: {},
          message: current.provider
            ? `No previous return of ${current.provider} was given (${given.map((p) => p.source).join(', ')} ${given.length === 1 ? 'is' : 'are'} another provider\u2019s), so the rules comparing with last period were not run for ${current.source}.`
            : `${current.source} does not name its provider, so no previous return was matched to it and the rules comparing with last period were not run.`,
          hint: current.provider ? 'Give last period\u2019s return of this provider with --previous as well.' : 'Put the provider\u2019s name in the return\u2019s provider cell.',
        }),
      ],
    };
  for (const p of own) refuseUnfitPrevious(current, p);
  const previous = own.reduce((latest, p) => ((p.period?.to ?? -Infinity) > (latest.period?.to ?? -Infinity) ? p : latest));
  return { previous, notes: previousPeriodNotes(current, previous) };
}

/** Checking several returns, a previous return is matched by the provider it names: one naming none is refused. */
export function refuseUnnamedPrevious(given: readonly ReturnData[]): void {
  const unnamed = given.filter((p) => !p.provider);
  if (unnamed.length)
    throw new InputError(
      `${unnamed.map((p) => p.source).join(', ')} ${unnamed.length === 1 ? 'does' : 'do'} not name a provider, so it is not known whose previous return ${unnamed.length === 1 ? 'it is' : 'they are'}: checking several returns, each is compared only with the previous return of the provider it names. Put the provider\u2019s name in its provider cell, or check each return on its own with its --previous.`,
    );
}

/** Checking several returns, the previous returns naming no provider checked: not used, which is said. */
export function previousUnused(providersChecked: readonly (string | null | undefined)[], given: readonly ReturnData[]): string[] {
  const checked = new Set(providersChecked.flatMap((p) => (p ? [providerKey(p)] : [])));
  return given
    .filter((p) => p.provider && !checked.has(providerKey(p.provider)))
    .map((p) => `${p.source} is ${p.provider}\u2019s previous return, and no return checked is ${p.provider}\u2019s: it was not used.`);
}
