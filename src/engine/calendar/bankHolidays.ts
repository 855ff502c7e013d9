import { dayFromParts, type Day } from '../cases/dates';

/**
 * England and Wales bank holidays, 2015–2030, substitute days and one-off holidays included (8 May 2020 VE Day
 * in place of 4 May; 2 and 3 June 2022 spring bank holiday and Platinum Jubilee in place of 30 May; 19 Sep 2022
 * the Queen's state funeral; 8 May 2023 the coronation).
 *
 * Source: GOV.UK, https://www.gov.uk/bank-holidays (its data: https://www.gov.uk/bank-holidays.json,
 * "england-and-wales"), for the years it has published; the later years follow the Banking and Financial
 * Dealings Act 1971 rules (New Year, Good Friday, Easter Monday, first and last Monday of May, last Monday of
 * August, Christmas and Boxing Day, moved to the next weekday when they fall at a weekend), so a one-off
 * holiday announced for them must be added here.
 *
 * When the table runs out: add the next years from that page (and correct any year it now differs on), then
 * move BANK_HOLIDAY_YEARS.last. Until then a date after the table is reported, never taken as a working day.
 */
const BANK_HOLIDAYS: Record<number, string[]> = {
  2015: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
};

/** The years the table covers, first and last in full. */
export const BANK_HOLIDAY_YEARS = { first: 2015, last: 2030 } as const;

/** Every bank holiday of the table, in date order. */
export const bankHolidays: readonly Day[] = Object.entries(BANK_HOLIDAYS).flatMap(([year, dates]) =>
  dates.map((md) => dayFromParts(Number(year), Number(md.slice(0, 2)), Number(md.slice(3)))!),
);

/** The first and last day the table covers: a day outside them cannot be called a working day or not. */
export const bankHolidayCoverage = {
  from: dayFromParts(BANK_HOLIDAY_YEARS.first, 1, 1)!,
  to: dayFromParts(BANK_HOLIDAY_YEARS.last, 12, 31)!,
} as const;

const holidaySet = new Set(bankHolidays);

/** Monday 1 … Sunday 7 (ISO), of a day counted from 1970-01-01 (a Thursday). */
export function isoWeekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Whether a day is a weekend day in the sense services report it: a Saturday, a Sunday or an England and Wales
 * bank holiday. Null for a day outside the table: it must be reported, not guessed.
 */
export function isWeekendOrBankHoliday(day: Day): boolean | null {
  const whole = Math.floor(day);
  if (whole < bankHolidayCoverage.from || whole > bankHolidayCoverage.to) return null;
  return isoWeekday(whole) >= 6 || holidaySet.has(whole);
}

/** "the England and Wales bank-holiday table (2015–2030)": how messages name the table. */
export function describeBankHolidayTable(): string {
  return `the England and Wales bank-holiday table (${BANK_HOLIDAY_YEARS.first}–${BANK_HOLIDAY_YEARS.last})`;
}
