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
  /** A second header for a column: the one `preferred` says is used, and why. Indexes are zero-based positions. */
  duplicates: Duplicate[];
  missingRequired: Column[];
  missingOptional: Column[];
  /** Headers of a time of day that no date-and-time column could be paired with (kept among `ignored`). */
  unpairedTimes: string[];
}

export type Duplicate = { column: Column; header: string; index: number; usedHeader: string; usedIndex: number; why: Preference };

/** Why one of two headers for a column is used: the first way in which `preferred` tells them apart. */
export type Preference = 'says_type' | 'other_says_other_type' | 'own_name' | 'exact_spelling' | 'more_specific' | 'first';

/** `named`: the spelling is the column's own name (the canonical header), not a synonym. */
type Candidate = { column: Column; repeat: number | null; named?: boolean };

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
    // The first spelling with this key stays: the column's own name comes before its synonyms.
    if (!existing) table.set(key, candidate);
  };
  const addLoose = (spelling: string, candidate: Candidate) => loose.set(headerKey(withoutHint(spelling)), loose.get(headerKey(withoutHint(spelling))) ?? candidate);
  for (const column of framework.columns)
    for (const { spelling, repeat } of spellingsOf(column)) {
      add(exact, headerKey(spelling), { column, repeat, named: spelling === column.header.replace('#', String(repeat)) }, spelling);
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

/** A header without its leading subject word: "Victim DOB" → "DOB"; as written when it has none. */
function withoutSubject(header: string): string {
  const subject = SUBJECT.exec(header);
  return subject ? header.slice(subject[0].length) : header;
}

/** "Contact Date/Time", "Date & time received", "Referral DateTime": a date column that says it holds the time too. */
const DATE_AND_TIME = /\b(date)\s*(?:[/&-]|\band\b)?\s*time\b/i;

/**
 * The ways a header is read, in order: as written; without a leading subject word (the case data is all about the
 * victim); with "date/time" read as "date" (a date column's values may carry their time of day).
 */
function readingsOf(header: string): string[] {
  const bare = withoutSubject(header);
  const texts = bare !== header ? [header, bare] : [header];
  return [...texts, ...texts.filter((t) => DATE_AND_TIME.test(t)).map((t) => t.replace(DATE_AND_TIME, '$1'))];
}

/**
 * Matches a header row to the framework's columns: case, spaces, punctuation, a trailing hint such as "(Y/N)",
 * a leading "Victim", "Client" or "Service user" ("Victim DOB" is the date of birth) and "date/time" for "date"
 * never matter. Where two headers match one column, the one `preferred` says is used; the other is a duplicate.
 * Decided by the headers alone, before any value is read, so every reading of the same header row maps it alike.
 */
export function mapHeaders(headers: readonly string[], framework: Framework): HeaderMapping {
  const tables = candidatesOf(framework);
  const ignored: { header: string; index: number }[] = [];
  const byColumn = new Map<string, HeaderMatch[]>();
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const match = matchOf(header, index, tables);
    if (!match) return void ignored.push({ header, index });
    const key = `${match.column.key}#${match.repeat}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), match]);
  });
  const placements: ColumnPlacement[] = [];
  const duplicates: Duplicate[] = [];
  for (const matches of byColumn.values()) {
    const used = matches.reduce((best, match) => (preferred(match, best) ? match : best));
    placements.push({ column: used.column, index: used.index, header: used.header, repeat: used.repeat });
    for (const other of matches) if (other !== used) duplicates.push({ column: used.column, header: other.header, index: other.index, usedHeader: used.header, usedIndex: used.index, why: preferred(used, other)! });
  }
  placements.sort((a, b) => a.index - b.index);
  duplicates.sort((a, b) => a.index - b.index);
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

/** A header matched to a column, and how closely: 0 the column's own name as written, 1 a synonym as written, 2 a looser reading. */
type HeaderMatch = Candidate & { header: string; index: number; closeness: 0 | 1 | 2; fit: -1 | 0 | 1; words: number };

function matchOf(header: string, index: number, { exact, loose }: ReturnType<typeof candidatesOf>): HeaderMatch | null {
  const asWritten = exact.get(headerKey(header));
  const read = (text: string) => exact.get(headerKey(text)) ?? loose.get(headerKey(withoutHint(text)));
  const candidate = asWritten ?? readingsOf(header).reduce<Candidate | undefined>((found, text) => found ?? read(text), undefined);
  if (!candidate) return null;
  return {
    column: candidate.column,
    repeat: candidate.repeat,
    header,
    index,
    closeness: asWritten ? (asWritten.named ? 0 : 1) : 2,
    fit: typeFit(header, candidate.column),
    words: wordsOf(withoutSubject(header)).length,
  };
}

/**
 * Whether `a` is to be used rather than `b` for their column, and why; null when it is not. In order: a header
 * saying what the column holds ("Date closed" for a date, "Contacted (Y/N)" for a yes/no) over one saying nothing of
 * it, and either over one saying it holds something else ("Referral received (Y/N)" for a date); the column's own
 * name over a synonym, and a spelling as written over a looser reading ("Victim DOB"); the header naming more of
 * it ("District of residence" over "Area"); the first.
 */
function preferred(a: HeaderMatch, b: HeaderMatch): Preference | null {
  if (a.fit !== b.fit) return a.fit > b.fit ? (a.fit === 1 ? 'says_type' : 'other_says_other_type') : null;
  if (a.closeness !== b.closeness) return a.closeness < b.closeness ? (a.closeness === 0 ? 'own_name' : 'exact_spelling') : null;
  if (a.words !== b.words) return a.words > b.words ? 'more_specific' : null;
  return a.index < b.index ? 'first' : null;
}

/** What a column holds, where its header can say so. */
const kindOf = (column: Column): 'dates' | 'yes/no answers' | null =>
  column.type === 'date' || column.type === 'datetime' ? 'dates' : column.type === 'flag' ? 'yes/no answers' : null;

/** A hint that the column holds yes or no: "(Y/N)", "[yes/no]". */
const YES_NO_HINT = /[([]\s*y(?:es)?\s*\/\s*n(?:o)?\b[^()[\]]*[)\]]\s*$/i;
/** A hint giving a date's format: "[dd/mm/yyyy]". */
const DATE_HINT = /[([][^()[\]]*\b(?:dd|yyyy)\b[^()[\]]*[)\]]\s*$/i;

/** What a header says its column holds: "Date closed", "DOB", "Referral [dd/mm/yyyy]" dates; "Eligible (Y/N)" yes or no. */
function saidKind(header: string): ReturnType<typeof kindOf> {
  if (YES_NO_HINT.test(header)) return 'yes/no answers';
  if (DATE_HINT.test(header) || wordsOf(header).some((w) => w === 'date' || w === 'dob')) return 'dates';
  return null;
}

/** 1 when the header says what its column holds, -1 when it says it holds something else, 0 when it says neither. */
function typeFit(header: string, column: Column): -1 | 0 | 1 {
  const kind = kindOf(column);
  const said = saidKind(header);
  return kind === null || said === null ? 0 : said === kind ? 1 : -1;
}

/** Why a duplicate's header is not the one used, for the note saying so. */
export function whyUsed(duplicate: Duplicate): string {
  const { column, header, usedHeader } = duplicate;
  switch (duplicate.why) {
    case 'says_type':
      return `its header says it holds ${kindOf(column)}`;
    case 'other_says_other_type':
      return `"${header}" says it holds ${saidKind(header)}, not ${kindOf(column)}`;
    case 'own_name':
      return `"${usedHeader}" is the column's own name`;
    case 'exact_spelling':
      return `"${usedHeader}" is one of its names as written, "${header}" only read loosely`;
    case 'more_specific':
      return `"${usedHeader}" names it more fully`;
    case 'first':
      return 'it comes first (neither header says more than the other)';
  }
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
  return wordsOf(withoutSubject(header))
    .filter((w) => !WHEN_WORDS.has(w))
    .map((w) => w.slice(0, 5))
    .sort();
}

/** A header's words, lower case, without its hint in brackets; "ReferralTime" is two words. */
function wordsOf(header: string): string[] {
  return matchKey(withoutHint(header).replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')).split(' ').filter((w) => w !== '');
}
