import type { Column, Framework } from '../../frameworks/schema';
import { headerKey, matchKey, withoutHint } from './textKey';

/** Where a framework column was found in the header row. */
export interface ColumnPlacement {
  column: Column;
  /** Zero-based position in the row. */
  index: number;
  /** The header as the user wrote it. */
  header: string;
  /** For numbered columns (Outcome 1 … 4): which one. */
  repeat: number | null;
  /** For a date-and-time column: a column of its own giving the time of day ("Referral time" beside "Referral date"). */
  time?: { index: number; header: string };
}

export interface HeaderMapping {
  placements: ColumnPlacement[];
  /** Headers that match no column: kept in the sheet, not used. */
  ignored: string[];
  /** A second header for a column already found: the first one is used. Indexes are zero-based positions. */
  duplicates: { header: string; index: number; usedHeader: string; usedIndex: number }[];
  missingRequired: Column[];
  missingOptional: Column[];
  /** Headers of a time of day that no date-and-time column could be paired with (kept among `ignored`). */
  unpairedTimes: string[];
}

type Candidate = { column: Column; repeat: number | null };

const candidateTables = new WeakMap<Framework, { exact: Map<string, Candidate>; loose: Map<string, Candidate> }>();

/** Every spelling of a column's header, with the numbered ones expanded ("Outcome #" → "Outcome 1" …). */
export function spellingsOf(column: Column): { spelling: string; repeat: number | null }[] {
  const names = [column.header, ...column.synonyms];
  if (column.type !== 'category' || !column.repeat) return names.map((spelling) => ({ spelling, repeat: null }));
  const numbered = [];
  for (let n = 1; n <= column.repeat; n++) for (const name of names) numbered.push({ spelling: name.replace('#', String(n)), repeat: n });
  return numbered;
}

function candidatesOf(framework: Framework) {
  const cached = candidateTables.get(framework);
  if (cached) return cached;
  const exact = new Map<string, Candidate>();
  const loose = new Map<string, Candidate>();
  const add = (table: Map<string, Candidate>, key: string, candidate: Candidate, spelling: string) => {
    const existing = table.get(key);
    if (existing && (existing.column !== candidate.column || existing.repeat !== candidate.repeat))
      throw new Error(`framework ${framework.id}: header "${spelling}" would match both ${existing.column.key} and ${candidate.column.key}`);
    table.set(key, candidate);
  };
  const addLoose = (spelling: string, candidate: Candidate) => loose.set(headerKey(withoutHint(spelling)), loose.get(headerKey(withoutHint(spelling))) ?? candidate);
  for (const column of framework.columns)
    for (const { spelling, repeat } of spellingsOf(column)) {
      add(exact, headerKey(spelling), { column, repeat }, spelling);
      addLoose(spelling, { column, repeat });
    }
  // A numbered column given once, without its number ("Outcome" for Outcome 1 … 4): the first of them.
  for (const column of framework.columns)
    if (column.type === 'category' && column.repeat)
      for (const name of [column.header, ...column.synonyms]) addLoose(name.replace(/\s*#\s*/, ' '), { column, repeat: 1 });
  const tables = { exact, loose };
  candidateTables.set(framework, tables);
  return tables;
}

/** Whose value a header says it is, before what it is: "Victim DOB", "Client's gender", "Service user ethnicity". */
const SUBJECT = /^\s*(?:the\s+)?(?:victim|client|service[\s_-]*user|customer)(?:['’]?s)?[\s_:-]+(?=\S)/i;

/** "Contact Date/Time", "Date & time received", "Referral DateTime": a date column that says it holds the time too. */
const DATE_AND_TIME = /\b(date)\s*(?:[/&-]|\band\b)?\s*time\b/i;

/**
 * The ways a header is read, in order: as written; without a leading subject word (the case data is all about the
 * victim); with "date/time" read as "date" (a date column's values may carry their time of day).
 */
function readingsOf(header: string): string[] {
  const subject = SUBJECT.exec(header);
  const texts = subject ? [header, header.slice(subject[0].length)] : [header];
  return [...texts, ...texts.filter((t) => DATE_AND_TIME.test(t)).map((t) => t.replace(DATE_AND_TIME, '$1'))];
}

/**
 * Matches a header row to the framework's columns: case, spaces, punctuation, a trailing hint such as "(Y/N)",
 * a leading "Victim", "Client" or "Service user" ("Victim DOB" is the date of birth) and "date/time" for "date"
 * never matter; a header that is itself a spelling ("Victim ID") is taken as it is first. Each column is taken from
 * the first header that matches it.
 */
export function mapHeaders(headers: readonly string[], framework: Framework): HeaderMapping {
  const { exact, loose } = candidatesOf(framework);
  const placements: ColumnPlacement[] = [];
  const ignored: { header: string; index: number }[] = [];
  const duplicates: HeaderMapping['duplicates'] = [];
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const lookUp = (text: string) => exact.get(headerKey(text)) ?? loose.get(headerKey(withoutHint(text)));
    const candidate = readingsOf(header).reduce<Candidate | undefined>((found, text) => found ?? lookUp(text), undefined);
    if (!candidate) {
      ignored.push({ header, index });
      return;
    }
    const taken = placements.find((p) => p.column === candidate.column && p.repeat === candidate.repeat);
    if (taken) duplicates.push({ header, index, usedHeader: taken.header, usedIndex: taken.index });
    else placements.push({ column: candidate.column, index, header, repeat: candidate.repeat });
  });
  // A date-and-time column exported as a date column beside a time column: the time column gives its time of day.
  const dated = placements.filter((p) => p.column.type === 'datetime');
  const times = ignored.filter(({ header }) => isTimeOfDayHeader(header));
  for (const time of times) {
    const partner = partnerOf(time.header, dated);
    if (partner) {
      partner.time = time;
      ignored.splice(ignored.indexOf(time), 1);
    }
  }
  const unpairedTimes = dated.length ? times.filter((t) => ignored.includes(t)).map(({ header }) => header) : [];
  const found = new Set(placements.map((p) => p.column));
  const missing = framework.columns.filter((c) => !found.has(c));
  return {
    placements,
    ignored: ignored.map(({ header }) => header),
    duplicates,
    missingRequired: missing.filter((c) => c.required),
    missingOptional: missing.filter((c) => !c.required),
    unpairedTimes,
  };
}

/** A header naming a time of day ("Referral time", "Time of referral", "Hour received"), not a date nor a length of time ("Time to first contact", "Response time (hours)"). */
function isTimeOfDayHeader(header: string): boolean {
  const words = wordsOf(header);
  return words.some((w) => w === 'time' || w === 'hour') && !words.some((w) => w === 'date' || DURATION_WORDS.has(w));
}
const DURATION_WORDS = new Set(['to', 'taken', 'spent', 'since', 'elapsed', 'length', 'duration', 'wait', 'waiting', 'waited', 'response', 'hours', 'mins', 'minutes', 'total']);

/**
 * The date-and-time column a time column belongs to: the one whose header, as written or in any of its spellings,
 * names the same event ("Time of referral" and "Hour received" beside "Date referred", whose spellings include
 * "Date of referral" and "Date received"). Failing that, the one column whose header names every word of it
 * ("Contact time" beside "Contact received"). None when that is not one column.
 */
function partnerOf(timeHeader: string, dated: ColumnPlacement[]): ColumnPlacement | null {
  const event = eventWords(timeHeader);
  if (event.length === 0) return null;
  const named = (p: ColumnPlacement) => [p.header, p.column.header, ...p.column.synonyms].map(eventWords);
  const same = dated.filter((p) => named(p).some((words) => words.join(' ') === event.join(' ')));
  const within = same.length ? same : dated.filter((p) => named(p).some((words) => event.every((w) => words.includes(w))));
  return within.length === 1 ? within[0]! : null;
}

/** Words that say when rather than what: left out when a time column is matched to its date column. */
const WHEN_WORDS = new Set(['date', 'time', 'hour', 'day', 'of', 'on', 'at', 'the', 'and']);

/** What a header says happened, each word cut to its stem: "Time of referral", "Referral date" and "Date referred" are all ["refer"]. */
function eventWords(header: string): string[] {
  const subject = SUBJECT.exec(header);
  return wordsOf(subject ? header.slice(subject[0].length) : header)
    .filter((w) => !WHEN_WORDS.has(w))
    .map((w) => w.slice(0, 5))
    .sort();
}

/** A header's words, lower case, without its hint in brackets; "ReferralTime" is two words. */
function wordsOf(header: string): string[] {
  return matchKey(withoutHint(header).replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')).split(' ').filter((w) => w !== '');
}
