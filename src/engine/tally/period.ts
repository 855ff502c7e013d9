import { dayFromParts, daysInMonth, isoOfDay, partsOfDay, readIsoDate, type Day } from '../cases/dates';
import type { Framework } from '../../frameworks/schema';
import type { SubPeriod } from '../../frameworks/subPeriods';
import { InputError } from '../../errors';

/** A return's period: both days inclusive. */
export interface Period {
  from: Day;
  to: Day;
}

export function periodFromIso(from: string, to: string): Period {
  const start = periodDay('--from', from, 'first', '2020-04-01');
  const end = periodDay('--to', to, 'last', '2020-09-30');
  if (end < start) throw new InputError(`The period ends (${to}) before it starts (${from}): check --from and --to.`);
  return { from: start, to: end };
}

/** One end of the period; a date in the right form that does not exist says why, as a case row's date does. */
function periodDay(flag: string, text: string, end: 'first' | 'last', example: string): Day {
  const reading = readIsoDate(text);
  if (reading.ok) return reading.day;
  throw new InputError(reading.problem === 'impossible_date'
    ? `${flag} "${text}" is not a real date: ${reading.detail}. Give the period's ${end} day as YYYY-MM-DD.`
    : `${flag} "${text}" is not a date: write it as YYYY-MM-DD, e.g. ${example}.`);
}

export function periodToIso(period: Period): { from: string; to: string } {
  return { from: isoOfDay(period.from), to: isoOfDay(period.to) };
}

export function daysIn(period: Period): number {
  return period.to - period.from + 1;
}

/** The day n months after the given one (the month's last day where it is shorter: 31 Jan + 1 month = 28/29 Feb), as EDATE counts. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: date } = partsOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return dayFromParts(y, m, Math.min(date, daysInMonth(y, m)))!;
}

/**
 * The days a sub-period covers: month k runs from the period's start moved k − 1 months on, to the day before
 * month k + 1 starts; a rolling window of n months ends with the period and starts n months before the day after it.
 */
export function subPeriodOf(period: Period, within: SubPeriod): Period {
  if (within.kind === 'rolling') return { from: addMonths(period.to + 1, -within.months), to: period.to };
  return { from: addMonths(period.from, within.index - 1), to: addMonths(period.from, within.index) - 1 };
}

/**
 * Why figures asked month by month cannot be counted for this period, or null when they can: the period must
 * be `monthsInPeriod` whole months, from the first day of a month to the last day of a month.
 */
export function monthsProblem(framework: Pick<Framework, 'monthsInPeriod' | 'title'>, period: Period): string | null {
  const months = framework.monthsInPeriod;
  if (months === undefined) return null;
  const start = partsOfDay(period.from);
  const wholeMonths = start.day === 1 && period.to + 1 === addMonths(period.from, months);
  if (wholeMonths) return null;
  const end = isoOfDay(addMonths(dayFromParts(start.year, start.month, 1)!, months) - 1);
  return (
    `The ${framework.title} is asked month by month over ${months} months, but the period ${isoOfDay(period.from)} to ${isoOfDay(period.to)} is not ${months} whole months: ` +
    `start it on the first day of a month and end it on the last day of the ${ordinal(months)} month (e.g. ${isoOfDay(dayFromParts(start.year, start.month, 1)!)} to ${end}).`
  );
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'][n - 1] ?? `${n}th`;
}
