import { displayDay, partsOfDay } from '../../cases/dates';
import type { RuleCheck } from './types';

/** The return covers one of the periods the commissioner asks for. */
export const checkPeriod: RuleCheck<'period'> = (rule, context) => {
  const period = context.data.period;
  if (!period) return [];
  const monthDay = (day: number) => {
    const p = partsOfDay(day);
    return `${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  };
  const from = monthDay(period.from);
  const to = monthDay(period.to);
  const crossesYear = to < from;
  const length = period.to - period.from;
  const fits = rule.allowed.some((a) => a.from === from && a.to === to && (a.to < a.from) === crossesYear && length < 366);
  if (fits) return [];
  return [{
    figures: [],
    params: {},
    message: `The return covers ${displayDay(period.from)} to ${displayDay(period.to)}, which is not one of the agreed periods (${rule.allowed.map((a) => a.label).join('; ')}).`,
  }];
};
