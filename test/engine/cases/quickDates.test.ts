import fc from 'fast-check';
import { partsOfDay, readDateWritten } from '../../../src/engine/cases/dates';
import { quickDate } from '../../../src/engine/cases/quickDates';

const MS_PER_DAY = 86_400_000;
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
/** Texts shaped like the common date forms, real or not, with the odd character out of place. */
const dateLike = fc.oneof(
  fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(digits(2), digits(2), digits(4)).map(([d, m, y]) => `${d}/${m}/${y}`),
  fc.tuple(digits(2), digits(2), digits(4), digits(2), digits(2)).map(([d, m, y, h, min]) => `${d}/${m}/${y} ${h}:${min}`),
  fc.tuple(digits(2), digits(2), digits(4), digits(2), digits(2), digits(2)).map(([d, m, y, h, min, s]) => `${d}/${m}/${y} ${h}:${min}:${s}`),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.string({ maxLength: 2 }), fc.constantFrom('2020-04-01', '01/04/2020', '13/04/2020 23:59:59', '29/02/2021')).map(
    ([at, inserted, text]) => text.slice(0, at) + inserted + text.slice(at),
  ),
);

describe('quickDate (the common date forms read without regular expressions)', () => {
  it('reads every text it accepts exactly as the full reading does, and declines the rest', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const quick = quickDate(text);
        if (quick) expect(quick).toEqual(readDateWritten(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the real dates of the forms it knows, times included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, hour, minute) => {
        const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
        if (!iso.startsWith('1') && !iso.startsWith('2')) return;
        const [y, m, d] = iso.split('-');
        const two = (n: number) => String(n).padStart(2, '0');
        for (const text of [iso, `${d}/${m}/${y}`, `${d}/${m}/${y} ${two(hour)}:${two(minute)}`]) {
          expect(quickDate(text)).toMatchObject({ ok: true, day });
          expect(quickDate(text)).toEqual(readDateWritten(text));
        }
      }),
    );
  });
});

describe('partsOfDay', () => {
  it('gives the calendar date JavaScript gives, far into the past and the future', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (day) => {
        const d = new Date(day * MS_PER_DAY);
        expect(partsOfDay(day)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      }),
      { numRuns: 5000 },
    );
  });
});
