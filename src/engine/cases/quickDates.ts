import { dayFromParts, type DateReading } from './dates';

const ZERO = 48;
const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
};
/** Two digits as a number; NaN when either is not a digit (and every comparison with NaN fails). */
const pair = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/**
 * The forms nearly every export writes its dates in, read without a regular expression: 2020-04-01,
 * 01/04/2020, and 01/04/2020 09:30 (or 09:30:15). Gives exactly what `readDate` gives for such a text when it
 * is a real date at a real time, and null for anything else (other forms, impossible dates), which is then read
 * the long way with its full explanation.
 */
export function quickDate(text: string): (DateReading & { ok: true }) | null {
  const length = text.length;
  if (length < 10) return null;
  if (text.charCodeAt(4) === 45 /* - */ && text.charCodeAt(7) === 45) {
    const month = pair(text, 5);
    const date = pair(text, 8);
    if (length !== 10 || !(month >= 0 && date >= 0)) return null;
    const day = dayFromParts(pair(text, 0) * 100 + pair(text, 2), month, date);
    return day === null ? null : { ok: true, day, ambiguous: false, dayFirstShown: false };
  }
  if (text.charCodeAt(2) !== 47 /* / */ || text.charCodeAt(5) !== 47) return null;
  if (length !== 10 && !timeOfDayAt(text, 10)) return null;
  const first = pair(text, 0);
  const second = pair(text, 3);
  if (!(first >= 0 && second >= 0)) return null;
  const day = dayFromParts(pair(text, 6) * 100 + pair(text, 8), second, first);
  return day === null ? null : { ok: true, day, ambiguous: first <= 12 && second <= 12 && first !== second, dayFirstShown: first > 12 };
}

/** " hh:mm" or " hh:mm:ss" to the end of the text, a real time of day. */
function timeOfDayAt(text: string, at: number): boolean {
  const length = text.length - at;
  if (length !== 6 && length !== 9) return false;
  if (text.charCodeAt(at) !== 32 || text.charCodeAt(at + 3) !== 58 /* : */) return false;
  if (!(pair(text, at + 1) <= 23 && pair(text, at + 4) <= 59)) return false;
  return length === 6 || (text.charCodeAt(at + 6) === 58 && pair(text, at + 7) <= 59);
}
