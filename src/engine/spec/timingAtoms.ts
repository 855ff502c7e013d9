import { comparisonsOf, type Gap, type TimingCondition } from '../../frameworks/conditions';
import type { Atom } from './terms';

/** The atoms of one comparison, time or day condition on a column (all of them hold). */
export function timingAtoms(column: string, condition: TimingCondition): Atom[] {
  if ('day' in condition) return [{ test: 'day', column, value: condition.day }];
  if ('within' in condition) {
    const { of, unit, value } = gapOf(condition.within);
    return [
      { test: 'gap', column, of, unit, op: '>=', value: 0 },
      { test: 'gap', column, of, unit, op: '<=', value },
    ];
  }
  if ('later_than' in condition) {
    const { of, unit, value } = gapOf(condition.later_than);
    return [{ test: 'gap', column, of, unit, op: '>', value }];
  }
  return comparisonsOf(condition).map(([op, against]): Atom =>
    typeof against === 'number' ? { test: 'number', column, op, value: against } : { test: 'gap', column, of: against.column, unit: op === '=' ? 'days' : 'order', op, value: 0 },
  );
}

/**
 * Hours are compared as whole seconds between two date-times, by calendar day where either is a date alone (a
 * response written without its time on the day of the contact is within 48 hours of it); days as calendar days.
 */
function gapOf(gap: Gap): { of: string; unit: 'days' | 'clock'; value: number } {
  return gap.hours !== undefined ? { of: gap.of, unit: 'clock', value: Math.round(gap.hours * 3600) } : { of: gap.of, unit: 'days', value: gap.days! };
}
