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
