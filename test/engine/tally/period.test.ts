import { daysIn, periodFromIso } from '../../../src/engine/tally/period';
import { InputError } from '../../../src/errors';

const period = periodFromIso('2020-04-01', '2020-09-30');

describe('periodFromIso', () => {
  it('counts both days', () => {
    expect(daysIn(period)).toBe(183);
    expect(daysIn(periodFromIso('2020-04-01', '2020-04-01'))).toBe(1);
  });
  it.each([
    ['2020-4-1', '2020-09-30', /--from "2020-4-1" is not a date/],
    ['01/04/2020', '2020-09-30', /^--from "01\/04\/2020" is not a date: write it as YYYY-MM-DD, e\.g\. 2020-04-01\.$/],
    ['2020-04-01', '2020-09-31', /^--to "2020-09-31" is not a real date: September 2020 has 30 days\. Give the period's last day as YYYY-MM-DD\.$/],
    ['2024-02-30', '2024-03-31', /^--from "2024-02-30" is not a real date: February 2024 has 29 days\. Give the period's first day as YYYY-MM-DD\.$/],
    ['2023-01-01', '2023-02-29', /^--to "2023-02-29" is not a real date: February 2023 has 28 days\./],
    ['2024-13-01', '2024-12-31', /^--from "2024-13-01" is not a real date: there is no month 13\./],
    ['2024-04-00', '2024-06-30', /^--from "2024-04-00" is not a real date: there is no day 0 in a month\./],
    ['2020-10-01', '2020-09-30', /ends \(2020-09-30\) before it starts/],
  ])('refuses %s to %s', (from, to, message) => {
    expect(() => periodFromIso(from, to)).toThrow(InputError);
    expect(() => periodFromIso(from, to)).toThrow(message);
  });
});
