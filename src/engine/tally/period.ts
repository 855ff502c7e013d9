import type { Window } from '../../frameworks/schema';
import { dayFromIso, isoOfDay, type Day } from '../cases/dates';
import { InputError } from '../../errors';

/** A return's period: both days inclusive. */
export interface Period {
  from: Day;
  to: Day;
}

export function periodFromIso(from: string, to: string): Period {
  const start = dayFromIso(from);
  const end = dayFromIso(to);
  if (start === null) throw new InputError(`--from "${from}" is not a date: write it as YYYY-MM-DD, e.g. 2020-04-01.`);
  if (end === null) throw new InputError(`--to "${to}" is not a date: write it as YYYY-MM-DD, e.g. 2020-09-30.`);
  if (end < start) throw new InputError(`The period ends (${to}) before it starts (${from}): check --from and --to.`);
  return { from: start, to: end };
}

export function periodToIso(period: Period): { from: string; to: string } {
  return { from: isoOfDay(period.from), to: isoOfDay(period.to) };
}

export function daysIn(period: Period): number {
  return period.to - period.from + 1;
}

/**
 * Which date windows a case with referral date R and exit date E is in. A case without a referral date, or
 * referred after the period, is in none.
 */
export function windowsOf(referral: Day | null, exit: Day | null, { from, to }: Period): Record<Window, boolean> {
  if (referral === null || referral > to)
    return { referred_in_period: false, open_at_start: false, active: false, exited_in_period: false, open_at_end: false };
  return {
    referred_in_period: referral >= from,
    open_at_start: referral < from && (exit === null || exit >= from),
    active: exit === null || exit >= from,
    exited_in_period: exit !== null && exit >= from && exit <= to,
    open_at_end: exit === null || exit > to,
  };
}
