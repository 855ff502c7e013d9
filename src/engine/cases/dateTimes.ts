import { displayDay, readDate, type Day } from './dates';
import type { RawCell } from './rawTable';

/**
 * A date and time of day as days since 1970-01-01, the time a fraction of a day (whole seconds), as a
 * spreadsheet holds it; a date written without a time is that day at 00:00.
 */
export type DateTime = number;

const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = 86_400_000;

export type DateTimeReading =
  | { ok: true; at: DateTime; day: Day; /** a time of day was written (a date alone is still a valid reading) */ hasTime: boolean; ambiguous: boolean; dayFirstShown: boolean }
  | Extract<ReturnType<typeof readDate>, { ok: false }>;

/** Hours, minutes, perhaps seconds, perhaps am/pm, after a date ("03/04/2024 14:35", "2024-04-03T09:05:00Z", "3 Apr 2024 2:35 pm"). */
const TIME_OF_DAY = /[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*(?:([ap])\.?m\.?)?/i;

/**
 * Reads a date-and-time cell: the date as `readDate` reads it, and the time of day from the text, an Excel
 * serial's fraction or a workbook date's time. A time zone written after the time is not applied: the clock
 * time is taken as written, as case-management systems record local time.
 */
export function readDateTime(cell: RawCell): DateTimeReading | null {
  const reading = readDate(cell);
  if (reading === null || !reading.ok) return reading;
  const seconds = secondsOfDay(cell, reading.day);
  return { ...reading, at: reading.day + (seconds ?? 0) / SECONDS_PER_DAY, hasTime: seconds !== null };
}

/** The time of day written in a cell, in whole seconds; null when the cell gives a date alone. */
function secondsOfDay(cell: RawCell, day: Day): number | null {
  if (cell instanceof Date) return nonZero(Math.round((cell.getTime() - day * MS_PER_DAY) / 1000));
  if (typeof cell === 'number') return nonZero(Math.round((cell - Math.floor(cell)) * SECONDS_PER_DAY));
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (/^\d{5}\.\d+$/.test(text)) return nonZero(Math.round((Number(text) % 1) * SECONDS_PER_DAY));
  const m = TIME_OF_DAY.exec(text);
  if (!m) return null;
  let hours = Number(m[1]);
  if (m[4]) hours = (hours % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  return hours * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

/**
 * A date-and-time cell made of a date cell and the cell of its own time column ("Referral date" beside
 * "Referral time"): the date with that time of day, in the date cell's own kind (text, serial or workbook date),
 * so it reads as one cell written with its time. The date cell as it is when it has a time already, or the time
 * cell gives none (blank, or not a time: 14:35, 2:35 pm, a time-formatted cell).
 */
export function withTimeOfDay(date: RawCell, time: RawCell): RawCell {
  const seconds = secondsOfTimeCell(time);
  const reading = seconds === null ? null : readDate(date);
  if (seconds === null || reading === null || !reading.ok || secondsOfDay(date, reading.day) !== null) return date;
  if (date instanceof Date) return new Date(reading.day * MS_PER_DAY + seconds * 1000);
  if (typeof date === 'number') return Math.floor(date) + seconds / SECONDS_PER_DAY;
  const clock = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return `${String(date).trim()} ${clock}`;
}

/** The time of day a time column's cell gives, in whole seconds; null when it gives none. */
function secondsOfTimeCell(cell: RawCell): number | null {
  // A time-formatted workbook cell is a fraction of a day, or that time on Excel's day 0 (30 December 1899).
  if (cell instanceof Date) return cell.getTime() < 0 ? nonZero(Math.round((cell.getTime() % MS_PER_DAY + MS_PER_DAY) % MS_PER_DAY / 1000)) : null;
  if (typeof cell === 'number') return cell >= 0 && cell < 1 ? nonZero(Math.round(cell * SECONDS_PER_DAY)) : null;
  if (typeof cell !== 'string') return null;
  const m = /^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?)?\s*$/i.exec(cell);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
  let hours = Number(m[1]);
  if (m[4]) hours = (hours % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  return nonZero(hours * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** A serial or workbook date at exactly midnight carries no time of day. */
function nonZero(seconds: number): number | null {
  return seconds > 0 && seconds < SECONDS_PER_DAY ? seconds : null;
}

/** Whole seconds from one date-time to a later one (negative when it is earlier), free of float drift. */
export function secondsBetween(from: DateTime, to: DateTime): number {
  return Math.round((to - from) * SECONDS_PER_DAY);
}

/** Calendar days from one date(-time) to another: the days of their dates, the times of day left out. */
export function daysBetween(from: DateTime, to: DateTime): number {
  return Math.floor(to) - Math.floor(from);
}

/** Whether a value of a date or date-and-time column carries a time of day (a date alone is that day at 00:00). */
export function hasTimeOfDay(at: DateTime): boolean {
  return at !== Math.floor(at);
}

/**
 * The time from one date(-time) to another in whole seconds, as far as the two say: exactly when both carry a
 * time of day, by calendar day (86,400 seconds a day) when either is a date alone, whose time is not known (a
 * response written without a time on the day of a contact at 14:35 is 0 seconds after it, not 14 hours 35 before).
 */
export function clockBetween(from: DateTime, to: DateTime): number {
  return hasTimeOfDay(from) && hasTimeOfDay(to) ? secondsBetween(from, to) : daysBetween(from, to) * SECONDS_PER_DAY;
}

/**
 * Which of two date(-time)s comes first, as -1 (`to` is before `from`), 0 or 1: exactly when both carry a time
 * of day, by calendar day when either is a date alone (an exit written without a time is not before a referral
 * at 14:35 the same day, but a first contact at 09:00 is).
 */
export function orderBetween(from: DateTime, to: DateTime): number {
  return Math.sign(clockBetween(from, to));
}

/** "3 Apr 2024 14:35" (seconds shown only when there are some), or "3 Apr 2024" for a date alone: how a date-time is shown in messages. */
export function displayDateTime(at: DateTime): string {
  const day = Math.floor(at);
  if (!hasTimeOfDay(at)) return displayDay(day);
  const seconds = secondsBetween(day, at);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}`;
  return `${displayDay(day)} ${seconds % 60 ? `${clock}:${two(seconds % 60)}` : clock}`;
}

/** A date-time as a JavaScript date, as spreadsheet writers take it (UTC, so the clock time is kept as written). */
export function jsDateOfDateTime(at: DateTime): Date {
  return new Date(Math.round(at * SECONDS_PER_DAY) * 1000);
}
