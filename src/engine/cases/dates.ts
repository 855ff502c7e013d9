import { quickDate } from './quickDates';
import type { RawCell } from './rawTable';

/** A calendar date as a whole number of days since 1970-01-01, so windows are plain comparisons. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel's serial number of 1970-01-01 (serials count from 1900-01-00, with Lotus's 29 Feb 1900). */
const EXCEL_SERIAL_OF_EPOCH = 25_569;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_LABELS = MONTH_NAMES.map((m) => m[0]!.toUpperCase() + m.slice(1));

export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The calendar date of a day, worked out arithmetically (no Date made: ages are measured once a case). */
export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  // Howard Hinnant's civil_from_days: eras of 400 years from 1 March 0000.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function isoOfDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "1 Apr 2020": how dates are shown to people in messages. */
export function displayDay(day: Day): string {
  const p = partsOfDay(day);
  return `${p.day} ${MONTH_LABELS[p.month - 1]!.slice(0, 3)} ${p.year}`;
}

/** Strict YYYY-MM-DD, for a period's days: one in that form that is no real date says why ("February 2024 has 29 days"). */
export function readIsoDate(text: string): DateReading {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? fromParts(Number(m[1]), Number(m[2]), Number(m[3])) : notADate();
}

/** Strict YYYY-MM-DD, for command-line periods. */
export function dayFromIso(text: string): Day | null {
  const reading = readIsoDate(text);
  return reading.ok ? reading.day : null;
}

/** Whole days of an Excel serial (the time of day is dropped); null for serials that are no real date. */
export function dayFromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 29 Feb 1900 never existed
  return whole - EXCEL_SERIAL_OF_EPOCH + (whole < 60 ? 1 : 0);
}

export function excelSerialOfDay(day: Day): number {
  const serial = day + EXCEL_SERIAL_OF_EPOCH;
  return serial <= 60 ? serial - 1 : serial;
}

/** A JavaScript date (UTC) as Excel's serial number, its time of day kept as the fraction: a date and time stays one. */
export function excelSerialOfJsDate(date: Date): number {
  const day = dayFromJsDate(date);
  return day === null ? excelSerialOfDay(0) : excelSerialOfDay(day) + (date.getTime() - day * MS_PER_DAY) / MS_PER_DAY;
}

/** A day as a JavaScript date at midnight UTC, as spreadsheet writers take it. */
export function jsDateOfDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** Whole days of a JavaScript date as spreadsheet readers give it (midnight UTC of the calendar date). */
export function dayFromJsDate(date: Date): Day | null {
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
}

export type DateReading =
  | { ok: true; day: Day; /** written day/month/year with both parts ≤ 12, so month first would also read */ ambiguous: boolean; /** written day/month/year with the day > 12 */ dayFirstShown: boolean }
  | { ok: false; problem: 'not_a_date' | 'impossible_date'; detail: string; /** written number/number/year with the second part a day (over 12): month first */ monthFirstShown?: true };

const TIME = String.raw`(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`, 'i');
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?`;
const DAY_MONTH_NAME = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([a-z]+)\.?,?[\s.-]+(\d{4}|\d{2})${TIME}$`, 'i');
const MONTH_NAME_DAY = new RegExp(String.raw`^${WEEKDAY}([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, 'i');
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
/** 20200401: year, month and day run together, as database exports write them (years 1900–2099 only). */
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;

/** Reads one date cell; null when the cell is blank. Day first, as dates are written in England and Wales. */
export function readDate(cell: RawCell): DateReading | null {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) {
    const day = dayFromJsDate(cell);
    return day === null ? notADate() : { ok: true, day, ambiguous: false, dayFirstShown: false };
  }
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell === 'boolean') return notADate();
  const text = cell.trim();
  if (text === '') return null;
  return quickDate(text) ?? readDateWritten(text);
}

/** A date written as text (trimmed, not blank), read by every form accepted: what `quickDate` shortens. */
export function readDateWritten(text: string): DateReading {
  const reading = readDateText(text);
  const time = reading.ok ? TIME_OF_DAY.exec(text) : null;
  if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59))
    return { ok: false, problem: 'impossible_date', detail: `there is no time ${time[1]}:${time[2]}${time[3] ? `:${time[3]}` : ''} in a day` };
  return reading;
}

/** The time written after a date: hours, minutes and perhaps seconds. */
const TIME_OF_DAY = /[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?/;

function readDateText(text: string): DateReading {
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(text))) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = DAY_FIRST.exec(text))) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    const reading = fromParts(fullYear(m[3]!), second, first);
    if (reading.ok) return { ...reading, ambiguous: first <= 12 && second <= 12 && first !== second, dayFirstShown: first > 12 };
    if (second > 12 && first <= 12)
      return { ok: false, problem: 'impossible_date', detail: `there is no month ${second}; dates are read day first (day/month/year), so this may be written month first`, monthFirstShown: true };
    return reading;
  }
  if ((m = DAY_MONTH_NAME.exec(text))) return fromNamedMonth(m[2]!, Number(m[1]), fullYear(m[3]!));
  if ((m = MONTH_NAME_DAY.exec(text))) return fromNamedMonth(m[1]!, Number(m[2]), Number(m[3]));
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text));
  if ((m = COMPACT.exec(text))) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return notADate();
}

function fromSerial(serial: number): DateReading {
  const day = dayFromExcelSerial(serial);
  return day === null ? notADate() : { ok: true, day, ambiguous: false, dayFirstShown: false };
}

function fromNamedMonth(name: string, day: number, year: number): DateReading {
  const lower = name.toLowerCase();
  const month = lower.length >= 3 ? MONTH_NAMES.findIndex((m) => m.startsWith(lower) || (lower === 'sept' && m === 'september')) + 1 : 0;
  return month === 0 ? notADate() : fromParts(year, month, day);
}

function fromParts(year: number, month: number, day: number): DateReading {
  const result = dayFromParts(year, month, day);
  if (result !== null) return { ok: true, day: result, ambiguous: false, dayFirstShown: false };
  const detail =
    month < 1 || month > 12
      ? `there is no month ${month}`
      : day < 1
        ? `there is no day ${day} in a month`
        : `${MONTH_LABELS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
  return { ok: false, problem: 'impossible_date', detail };
}

function notADate(): DateReading {
  return { ok: false, problem: 'not_a_date', detail: '' };
}

/** Two-digit years as Excel reads them: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 4 ? n : n < 30 ? 2000 + n : 1900 + n;
}
