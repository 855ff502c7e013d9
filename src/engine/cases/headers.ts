import type { Column, Framework } from '../../frameworks/schema';
import { headerKey, withoutHint } from './textKey';

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
  for (const placement of placements) {
    if (placement.column.type !== 'datetime') continue;
    const partners = timeHeadersOf(placement.header).map(headerKey);
    const at = ignored.findIndex(({ header }) => partners.includes(headerKey(header)));
    if (at >= 0) placement.time = ignored.splice(at, 1)[0]!;
  }
  const found = new Set(placements.map((p) => p.column));
  const missing = framework.columns.filter((c) => !found.has(c));
  return {
    placements,
    ignored: ignored.map(({ header }) => header),
    duplicates,
    missingRequired: missing.filter((c) => c.required),
    missingOptional: missing.filter((c) => !c.required),
  };
}

/** The headers a date column's own time column has: "Referral date" → "Referral time", "Date referred" → "Time referred", "Received" → "Received time". */
function timeHeadersOf(header: string): string[] {
  if (/\btime\b/i.test(header)) return [];
  return [...(/\bdate\b/i.test(header) ? [header.replace(/\bdate\b/i, 'time')] : []), `${header} time`];
}
