import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { bankHolidays, describeBankHolidayTable } from '../engine/calendar/bankHolidays';
import { jsDateOfDay } from '../engine/cases/dates';
import { BANK_HOLIDAYS_NAME, readsBankHolidays } from '../engine/formulas/timingProducts';
import { figureSpec } from '../engine/spec/figureSpec';
import type { WorkbookOperation } from '../workbook/port';

/** The hidden sheet holding the bank holidays the weekend formulas look up. */
export const BANK_HOLIDAYS_SHEET = 'Bank holidays';

/** Whether a figure of the framework counts by the kind of day, so its formulas read the bank-holiday table. */
export function needsBankHolidays(framework: Framework): boolean {
  return figuresOf(framework).some((figure) => {
    const spec = figureSpec(figure, framework);
    if (spec.kind === 'event_cases') return [...spec.terms, ...spec.caseTerms].some((term) => readsBankHolidays(term));
    return (spec.kind === 'count' || spec.kind === 'sum' || spec.kind === 'event_count') && spec.terms.some((term) => readsBankHolidays(term));
  });
}

/** The bank-holiday table on a hidden sheet, named for the formulas, with where it comes from. */
export function bankHolidaySheet(): WorkbookOperation[] {
  const first = 3;
  const last = first + bankHolidays.length - 1;
  return [
    { op: 'addSheet', sheet: BANK_HOLIDAYS_SHEET, hidden: true },
    { op: 'write', sheet: BANK_HOLIDAYS_SHEET, at: 'A1', rows: [[`${describeBankHolidayTable()}, from GOV.UK (www.gov.uk/bank-holidays). A date after the table is neither a weekday nor a weekend.`], ['Bank holiday']] },
    { op: 'write', sheet: BANK_HOLIDAYS_SHEET, at: `A${first}`, rows: bankHolidays.map((day) => [jsDateOfDay(day)]) },
    { op: 'defineName', name: BANK_HOLIDAYS_NAME, sheet: BANK_HOLIDAYS_SHEET, range: `A${first}:A${last}` },
  ];
}
