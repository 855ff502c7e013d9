import { dayFromIso } from '../../../src/engine/cases/dates';
import { daysIn, periodFromIso, windowsOf } from '../../../src/engine/tally/period';
import { InputError } from '../../../src/errors';

const period = periodFromIso('2020-04-01', '2020-09-30');
const d = (iso: string | null) => (iso === null ? null : dayFromIso(iso)!);
const inWindows = (referral: string | null, exit: string | null) =>
  Object.entries(windowsOf(d(referral), d(exit), period))
    .filter(([, v]) => v)
    .map(([k]) => k);

describe('windowsOf', () => {
  it.each<[string, string | null, string | null, string[]]>([
    ['referred on the first day', '2020-04-01', null, ['referred_in_period', 'active', 'open_at_end']],
    ['referred on the last day', '2020-09-30', null, ['referred_in_period', 'active', 'open_at_end']],
    ['referred the day after', '2020-10-01', null, []],
    ['referred the day before, still open', '2020-03-31', null, ['open_at_start', 'active', 'open_at_end']],
    ['exited on the first day', '2020-03-01', '2020-04-01', ['open_at_start', 'active', 'exited_in_period']],
    ['exited the day before', '2020-03-01', '2020-03-31', []],
    ['exited on the last day', '2020-05-01', '2020-09-30', ['referred_in_period', 'active', 'exited_in_period']],
    ['exited the day after', '2020-05-01', '2020-10-01', ['referred_in_period', 'active', 'open_at_end']],
    ['referred and exited before the period', '2019-01-01', '2019-02-01', []],
    ['open across the whole period', '2019-01-01', '2021-01-01', ['open_at_start', 'active', 'open_at_end']],
    ['exit before referral, both in the period (counted by its dates)', '2020-05-10', '2020-05-01', ['referred_in_period', 'active', 'exited_in_period']],
    ['no referral date', null, '2020-05-01', []],
    ['referred after the period with an exit inside it', '2020-10-05', '2020-09-01', []],
  ])('%s', (_, referral, exit, expected) => {
    expect(inWindows(referral, exit)).toEqual(expected);
  });
});

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
