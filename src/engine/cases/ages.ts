import type { CategoryList } from '../../frameworks/schema';
import type { CategoryMatcher } from './categories';
import { dayFromExcelSerial, dayFromParts, partsOfDay, readDate, type Day } from './dates';
import { quickDate } from './quickDates';
import type { RawCell } from './rawTable';
import { ownCopy, rememberable } from './textKey';

/** Oldest age taken as real; anything above is a typing slip. */
const MAX_AGE = 120;
/** Serial numbers from here on are dates (1 Jan 1901), well clear of any age. */
const FIRST_DOB_SERIAL = 367;

/** An age in years as systems write it: "34", "34 yrs", "34y", "Age 34", "34 years 2 months" (whole years count). */
const AGE_IN_YEARS = /^(?:age:?\s*)?(\d{1,3}(?:\.\d+)?)(?:\s*(?:years?|yrs?|y)(?:\s*old)?(?:,?\s*\d{1,2}\s*(?:months?|mths?|m))?)?$/i;

export type AgeReading =
  | { ok: true; band: string | null; recognised: boolean }
  | { ok: false; band: string | null; problem: 'invalid_age' | 'dob_after_referral' | 'not_a_date' | 'impossible_date'; detail: string };

/** Whole years from a date of birth to a day, the birthday itself counting (29 Feb birthdays turn on 1 Mar). */
export function ageOn(birth: Day, on: Day): number {
  const b = partsOfDay(birth);
  const d = partsOfDay(on);
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

export function bandOfAge(bands: CategoryList, age: number): string | null {
  const band = bands.items.find((b) => b.min !== undefined && age >= b.min && (b.max === undefined || age <= b.max));
  return band?.id ?? null;
}

/** A band written as a range ("25-34", "25 to 34", "65+", "under 18") read into the band that holds it all. */
function bandOfRangeText(bands: CategoryList, text: string): string | null {
  const t = text.toLowerCase().replace(/\s*(?:years?|yrs?)(?:\s*old)?\s*$/, '').trim();
  let lo: number | undefined;
  let hi = Infinity;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})$/.exec(t))) [lo, hi] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{1,3})\s*(?:\+|plus|and over|or over|and above|and older|or older)$/.exec(t))) lo = Number(m[1]);
  else if ((m = /^(?:under|below|less than)\s*(\d{1,3})$/.exec(t))) [lo, hi] = [0, Number(m[1]) - 1];
  else if ((m = /^(?:over|above)\s*(\d{1,3})$/.exec(t))) lo = Number(m[1]) + 1;
  if (lo === undefined || hi < lo) return null;
  const from = lo;
  const band = bands.items.find((b) => b.min !== undefined && from >= b.min && (b.max === undefined ? true : hi <= b.max));
  return band?.id ?? null;
}

/**
 * Reads an age cell: a whole number of years, a band ("25-34", "65+"), or a date of birth, whose age is taken on
 * the case's referral date (`asOf`).
 */
export function readAge(cell: RawCell, matcher: CategoryMatcher, asOf: Day | null): AgeReading {
  const found = ageOrBirth(cell, matcher);
  return 'birth' in found ? fromBirth(bornBy(found, asOf), matcher.list, asOf) : found;
}

/** What an age cell says on its own: a reading, or a date of birth still to be measured on the referral date. */
/** `shortYear`: the year was written with two digits, so the birth may be a century earlier than read. */
export type AgeOrBirth = AgeReading | { birth: Day; shortYear?: true };

/**
 * Reads age cells as `readAge` does, each distinct text once: a column of dates of birth repeats the same few
 * thousand days, and only the age on the referral date is worked out case by case.
 */
export function ageReader(matcher: CategoryMatcher, limit: number): (cell: RawCell, asOf: Day | null) => AgeReading {
  const seen = new Map<string, AgeOrBirth>();
  // The reading of each whole age, made once: readings are only read, so cases of one age share one.
  const byAge = Array.from({ length: MAX_AGE + 1 }, (_, age) => fromAge(matcher.list, age));
  return (cell, asOf) => {
    // A date of birth in a common form is read straight: no list of every one is kept (as `ageOrBirth` reads it, when no
    // band is spelt like a date).
    const quick = typeof cell === 'string' && !matcher.mayReadDates ? quickDate(cell) : null;
    let found = quick ? { birth: quick.day } : typeof cell === 'string' ? seen.get(cell) : undefined;
    if (!found) {
      found = ageOrBirth(cell, matcher);
      if (typeof cell === 'string' && seen.size < limit && rememberable(cell)) seen.set(ownCopy(cell), found);
    }
    if (!('birth' in found)) return found;
    const birth = bornBy(found, asOf);
    const age = asOf === null || birth > asOf ? null : ageOn(birth, asOf);
    return age !== null && age <= MAX_AGE ? byAge[age]! : fromBirth(birth, matcher.list, asOf);
  };
}

/**
 * A date of birth written with a two-digit year ("10/2/25") is read in the century dates are (2025), which for a
 * birth can be after the referral: it is then the century before (1925), as no one is born after being referred.
 */
function bornBy(found: { birth: Day; shortYear?: true }, asOf: Day | null): Day {
  if (!found.shortYear || asOf === null || found.birth <= asOf) return found.birth;
  const { year, month, day } = partsOfDay(found.birth);
  return dayFromParts(year - 100, month, day) ?? dayFromParts(year - 100, month, day - 1) ?? found.birth;
}

/** A date whose year has two digits: 10/2/25, 10-Feb-25, 10 February 25. */
const SHORT_YEAR = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]|.*[a-z]\.?,?[\s.-]+)\d{2}(?:[ T].*)?$/i;

function fromAge(bands: CategoryList, age: number): AgeReading {
  return age >= 0 && age <= MAX_AGE
    ? { ok: true, band: bandOfAge(bands, Math.floor(age)), recognised: true }
    : { ok: false, band: bands.unknown ?? null, problem: 'invalid_age', detail: `${age} is not a possible age` };
}

function fromBirth(birth: Day, bands: CategoryList, asOf: Day | null): AgeReading {
  const unknown = bands.unknown ?? null;
  if (asOf === null) return { ok: true, band: unknown, recognised: true };
  if (birth > asOf) return { ok: false, band: unknown, problem: 'dob_after_referral', detail: 'the date of birth is after the referral date' };
  return fromAge(bands, ageOn(birth, asOf));
}

function ageOrBirth(cell: RawCell, matcher: CategoryMatcher): AgeOrBirth {
  const bands = matcher.list;
  const unknown = bands.unknown ?? null;
  if (cell === null || cell === '') return { ok: true, band: unknown, recognised: true };
  if (cell instanceof Date) {
    const reading = readDate(cell);
    return reading?.ok ? { birth: reading.day } : { ok: false, band: unknown, problem: 'not_a_date', detail: '' };
  }
  if (typeof cell === 'number') {
    if (cell >= FIRST_DOB_SERIAL) {
      const birth = dayFromExcelSerial(cell);
      if (birth !== null) return { birth };
    }
    return fromAge(bands, cell);
  }
  if (typeof cell === 'boolean') return { ok: false, band: unknown, problem: 'invalid_age', detail: '' };
  const text = cell.trim();
  const years = AGE_IN_YEARS.exec(text);
  if (years) return fromAge(bands, Number(years[1]));
  const named = matcher.read(text);
  if (named.kind !== 'unrecognised') return { ok: true, band: named.id, recognised: true };
  const ranged = bandOfRangeText(bands, text);
  if (ranged) return { ok: true, band: ranged, recognised: true };
  const date = readDate(text);
  if (date?.ok) return { birth: date.day, ...(SHORT_YEAR.test(text) ? { shortYear: true as const } : {}) };
  if (date && date.problem === 'impossible_date') return { ok: false, band: unknown, problem: 'impossible_date', detail: date.detail };
  return { ok: false, band: unknown, problem: 'invalid_age', detail: '' };
}
