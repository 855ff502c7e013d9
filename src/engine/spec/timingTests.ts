import type { ComparisonOperator } from '../../frameworks/conditions';
import type { CaseRecord } from '../cases/caseRecord';
import { clockBetween, daysBetween, orderBetween, secondsBetween } from '../cases/dateTimes';
import { isWeekendOrBankHoliday } from '../calendar/bankHolidays';
import type { Atom } from './terms';

/** A test of one row's values (a case's, or an event's): it reads nothing but the row. */
export type RowTest = (row: Pick<CaseRecord, 'values'>) => boolean;

const COMPARE: Record<ComparisonOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '=': (a, b) => a === b,
};

/** A number comparison, a time between two columns, or the kind of day, read from a row's values. */
export function timingTest(atom: Extract<Atom, { test: 'number' | 'gap' | 'day' }>): RowTest {
  const key = atom.column;
  switch (atom.test) {
    case 'number': {
      const compare = COMPARE[atom.op];
      return (row) => {
        const value = row.values[key];
        return typeof value === 'number' && compare(value, atom.value);
      };
    }
    case 'gap': {
      const compare = COMPARE[atom.op];
      const between = { days: daysBetween, seconds: secondsBetween, clock: clockBetween, order: orderBetween }[atom.unit];
      return (row) => {
        const to = row.values[key];
        const from = row.values[atom.of];
        return typeof to === 'number' && typeof from === 'number' && compare(between(from, to), atom.value);
      };
    }
    case 'day': {
      const weekend = atom.value === 'weekend';
      return (row) => {
        const at = row.values[key];
        return typeof at === 'number' && isWeekendOrBankHoliday(at) === weekend;
      };
    }
  }
}
