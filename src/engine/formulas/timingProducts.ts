import type { Framework } from '../../frameworks/schema';
import { columnOf } from '../../frameworks/expand';
import { bankHolidayCoverage } from '../calendar/bankHolidays';
import { excelSerialOfDay } from '../cases/dates';
import type { Atom } from '../spec/terms';

/** The defined name of the bank-holiday table a filled return carries when a figure asks for the kind of day. */
export const BANK_HOLIDAYS_NAME = 'calendar.bank_holidays';

/**
 * Whether an atom needs SUMPRODUCT: tests between two columns, of the kind of day, of several values over a
 * numbered column's slots, a negated test, or "some slot filled" are no single COUNTIFS criterion.
 */
export function countedByProduct(atom: Atom, framework: Framework): boolean {
  if (atom.test === 'blank') {
    const column = columnOf(framework, atom.column);
    return !atom.blank && column.type === 'category' && column.repeat !== undefined;
  }
  return atom.test === 'has_any' || atom.test === 'gap' || atom.test === 'day' || atom.test === 'not';
}

/** Whether any of the terms asks for the kind of day, so the return needs the bank-holiday table. */
export function readsBankHolidays(atoms: Iterable<Atom>): boolean {
  for (const atom of atoms) if (atom.test === 'day' || (atom.test === 'not' && readsBankHolidays([atom.atom]))) return true;
  return false;
}

/**
 * A number comparison, a time between two columns or the kind of day as a 0/1 array over the case table, read
 * exactly as the tally reads it (timingTests.ts): a blank fails, seconds are rounded whole, calendar days are
 * the days of the dates, a condition's hours and an order are to the second only when both carry a time of
 * day (by calendar day otherwise), a date outside the bank-holiday table is neither weekday nor weekend.
 */
export function timingProduct(atom: Extract<Atom, { test: 'number' | 'gap' | 'day' }>, rangeOf: (key: string) => string): string {
  const range = rangeOf(atom.column);
  switch (atom.test) {
    case 'number':
      return `(${range}<>"")*(${range}${atom.op}${atom.value})`;
    case 'gap': {
      const of = rangeOf(atom.of);
      const days = `INT(${range})-INT(${of})`;
      const seconds = `ROUND((${range}-${of})*86400,0)`;
      // To the second when both carry a time of day, by calendar day otherwise; which comes first is its sign.
      const bothTimed = `(MOD(${range},1)<>0)*(MOD(${of},1)<>0)`;
      const clock = `${bothTimed}*${seconds}+(1-${bothTimed})*(${days})*86400`;
      const gap = { days, seconds, clock, order: clock }[atom.unit];
      return `(${range}<>"")*(${of}<>"")*((${gap})${atom.op}${atom.value})`;
    }
    case 'day': {
      const day = `INT(${range})`;
      const covered = `(${range}<>"")*(${day}>=${excelSerialOfDay(bankHolidayCoverage.from)})*(${day}<=${excelSerialOfDay(bankHolidayCoverage.to)})`;
      const workingDay = `(WEEKDAY(${range},2)<6)*ISNA(MATCH(${day},${BANK_HOLIDAYS_NAME},0))`;
      return atom.value === 'weekday' ? `${covered}*${workingDay}` : `${covered}*(1-${workingDay})`;
    }
  }
}
