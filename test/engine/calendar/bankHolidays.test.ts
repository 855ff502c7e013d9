import { bankHolidays, BANK_HOLIDAY_YEARS, isoWeekday, isWeekendOrBankHoliday } from '../../../src/engine/calendar/bankHolidays';
import { dayFromIso, dayFromParts, isoOfDay, type Day } from '../../../src/engine/cases/dates';

/** Easter Sunday (the anonymous Gregorian algorithm), for an independent reckoning of the moveable holidays. */
function easter(year: number): Day {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return dayFromParts(year, month, ((h + l - 7 * m + 114) % 31) + 1)!;
}

/** The holidays the 1971 Act's rules give a year, with the substitutes for those at a weekend. */
function byTheRules(year: number): Day[] {
  const mondayOnOrAfter = (day: Day) => day + ((8 - isoWeekday(day)) % 7);
  const lastMonday = (month: number) => {
    const next = dayFromParts(month === 12 ? year + 1 : year, (month % 12) + 1, 1)!;
    return mondayOnOrAfter(next - 7);
  };
  const newYear = dayFromParts(year, 1, 1)!;
  const christmas = dayFromParts(year, 12, 25)!;
  const boxing = christmas + 1;
  const substitutes = [christmas, boxing].reduce<Day[]>((days, day) => {
    let d = day;
    while (isoWeekday(d) >= 6 || days.includes(d)) d += 1;
    return [...days, d];
  }, []);
  return [
    isoWeekday(newYear) >= 6 ? mondayOnOrAfter(newYear) : newYear,
    easter(year) - 2,
    easter(year) + 1,
    mondayOnOrAfter(dayFromParts(year, 5, 1)!),
    lastMonday(5),
    lastMonday(8),
    ...substitutes,
  ];
}

/** The one-off changes: VE Day moved, the Platinum Jubilee, the state funeral, the coronation. */
const ONE_OFFS: Record<number, { out: string[]; in: string[] }> = {
  2020: { out: ['2020-05-04'], in: ['2020-05-08'] },
  2022: { out: ['2022-05-30'], in: ['2022-06-02', '2022-06-03', '2022-09-19'] },
  2023: { out: [], in: ['2023-05-08'] },
};

describe('the England and Wales bank-holiday table', () => {
  it('holds, each year, the holidays the rules give with the one-off changes', () => {
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      const changes = ONE_OFFS[year] ?? { out: [], in: [] };
      const expected = [...byTheRules(year).map(isoOfDay).filter((d) => !changes.out.includes(d)), ...changes.in].sort();
      const table = bankHolidays.map(isoOfDay).filter((d) => d.startsWith(String(year)));
      expect([year, table]).toEqual([year, expected]);
    }
  });

  it.each([
    ['2024-05-06', true], // early May bank holiday
    ['2024-04-06', true], // Saturday
    ['2024-04-07', true], // Sunday
    ['2024-04-03', false],
    ['2022-09-19', true], // state funeral
    ['2021-12-28', true], // Boxing Day substitute
    ['2020-05-04', false], // the early May holiday moved to VE Day
  ])('calls %s a weekend day: %s', (iso, weekend) => {
    expect(isWeekendOrBankHoliday(dayFromIso(iso)!)).toBe(weekend);
    expect(isWeekendOrBankHoliday(dayFromIso(iso)! + 0.75)).toBe(weekend);
  });

  it('does not guess outside the table', () => {
    expect(isWeekendOrBankHoliday(dayFromIso('2014-12-31')!)).toBeNull();
    expect(isWeekendOrBankHoliday(dayFromIso(`${BANK_HOLIDAY_YEARS.last + 1}-01-02`)!)).toBeNull();
    expect(isWeekendOrBankHoliday(dayFromIso(`${BANK_HOLIDAY_YEARS.last}-12-31`)!)).not.toBeNull();
  });
});
