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
    ['2020-04-01', '2020-09-31', /--to "2020-09-31" is not a date/],
    ['2020-10-01', '2020-09-30', /ends \(2020-09-30\) before it starts/],
  ])('refuses %s to %s', (from, to, message) => {
    expect(() => periodFromIso(from, to)).toThrow(InputError);
    expect(() => periodFromIso(from, to)).toThrow(message);
  });
});
