import { z } from 'zod';
import { columnOf } from '../../frameworks/expand';
import type { Column, Framework } from '../../frameworks/schema';
import { InputError } from '../../errors';
import { ageReader } from './ages';
import type { CaseRecord, CaseValue } from './caseRecord';
import { CategoryMatcher } from './categories';
import { dayFromJsDate, displayDay, readDate, type DateReading, type Day } from './dates';
import { FlagReader } from './flags';
import { quickDate } from './quickDates';
import { mapHeaders, spellingsOf, whyUsed, type ColumnPlacement } from './headers';
import { CELL_TEXT_LIMIT, cellText, columnLetters, isBlankCell, isErrorValue, type RawCell, type RawTable } from './rawTable';
import { compileRowChecks, type RowCells } from './rowChecks';
import { rowIssue, withOwnTexts, type ImportNote, type RowIssue } from './rowIssues';
import { IssueLog, issueLogStateSchema, type MoreRowIssues } from './issueLog';
import { FirstRowOfId, type IdRows } from './firstRowOfId';
import { PROGRESS_EVERY, stopIfAborted, type RunOptions, type Stage } from '../progress';
import { caseIdKey, ownCopy, rememberable, tidy, withoutInvisibleEdges } from './textKey';
import { readWholeNumber } from './wholeNumbers';
import { displayDateTime, orderBetween, readDateTime, withTimeOfDay } from './dateTimes';
import { describeBankHolidayTable, isWeekendOrBankHoliday } from '../calendar/bankHolidays';
import { dayTestedColumns } from '../../frameworks/conditions';
import { untimedColumnsSchema, watchTimesOfDay } from './datesWithoutTimes';

/** What an import finds besides the cases themselves. */
export interface ImportSummary {
  /** Keys of the optional columns the export does not have: not known in every row, which is not a zero. */
  absent: string[];
  /** Row issues in row order: every one, or the first `issueLimit` of each kind (the rest are in `moreIssues`). */
  issues: RowIssue[];
  moreIssues: MoreRowIssues[];
  notes: ImportNote[];
  headerRow: number;
  placements: ColumnPlacement[];
  /** Case rows read, and those counted nowhere (a repeated Case ID, or no usable referral date). */
  rows: number;
  notCounted: number;
}

export interface CaseImport extends ImportSummary {
  cases: CaseRecord[];
}

export interface ImportOptions extends RunOptions {
  today?: Day;
  /** Row issues of each kind kept in full; the rest are kept by row only. Every one by default. */
  issueLimit?: number;
  /**
   * Told every row issue in full as it is found, whatever the limit (to write a fix list as the rows stream). An
   * issue kept past the call is to be given texts of its own (`withOwnTexts`): its cell's text is cut from a chunk of the file.
   */
  onIssue?: (issue: RowIssue) => void;
  /** The rows are events of cases (an event table read through its view): a Case ID repeats from row to row. */
  eventRows?: boolean;
  /** For event rows: what a blank required or unrecognised value in a column does to the event's counting, in words. */
  countingWithout?: (key: string) => string;
}

/** One row of a sheet as a reader gives it: the number the user sees beside it, and its cells. */
export type SheetRow = RawTable['rows'][number] & {
  /**
   * Each cell's code among its column's values, where the reader gave them (`RowDecoder`): 0 and up, the same
   * text each time; negative, no code. A cell's reading is then remembered by its code, never looked up by its text.
   */
  codes?: Int32Array;
  /** Set by a reader that measured every cell: none is longer than a spreadsheet cell holds, so none is measured again. */
  fits?: boolean;
};

/** Which cells of a row an import reads as values, once it has found the header row: of its `width` columns, those `read`. */
export type ColumnsRead = { width: number; read: readonly number[] };

/**
 * What reading some of a sheet's rows found, besides its cases, that adds up over parts of the sheet read apart
 * (each on its own thread): absorbed in row order, the parts come to what one reading of every row finds.
 */
export const importPartSchema = z.object({
  rows: z.number().int().nonnegative(),
  notCounted: z.number().int().nonnegative(),
  /** Rows above the header row with something on them (only the part that holds the top of the sheet has any). */
  skipped: z.array(z.number().int()),
  issues: issueLogStateSchema,
  /** Each date column's forms, by its index in the sheet, in the order the columns were first met with a date. */
  dates: z.array(z.object({ index: z.number().int().nonnegative(), ambiguous: z.number().int().nonnegative(), dayFirstShown: z.boolean(), monthFirst: z.number().int().nonnegative() })),
  repeatedHeaders: z.array(z.number().int()),
  totalsRows: z.array(z.number().int()),
  /** Rows of a printed report's page footer ("Page 2 of 8"). */
  pageRows: z.array(z.number().int()),
  untimed: untimedColumnsSchema,
});
export type ImportPart = z.infer<typeof importPartSchema>;

/** Feeds an import row by row, so a file is read once and no row is kept after it is counted. */
export interface CaseImporter {
  /** The next row of the sheet, in order, from the first. */
  row(row: SheetRow): void;
  /**
   * Once the header row is found: the columns whose values the import reads. Of the others it asks only whether
   * a cell is filled, unless the row does not fit the header row or the text is too long for a cell (then their texts).
   */
  columnsRead?(): ColumnsRead | null;
  /** After the last row: what the import found. */
  end(): ImportSummary;
}

/** The import of one sheet's case rows, which can also be read in parts and joined (`part`, `absorb`). */
export interface SheetImporter extends CaseImporter {
  /** After the last row of a part: what it found, to be absorbed by the importer of the rows before. */
  part(): ImportPart;
  /** Adds what the importer of the rows after this one's found (`part`), before `end`. */
  absorb(part: ImportPart): void;
  /** The Case IDs met, as their fingerprints (see `FirstRowOfId.fingerprints`). */
  idFingerprints(): Uint32Array;
  /** The Case IDs met (their keys), with the row each was first met on. */
  idRows(): IdRows;
  /** The header row, once found. */
  header(): SheetRow | null;
}

/** Reading state for one date column, to notice a column that never shows which part is the day. */
type DateColumnWatch = { header: string; ambiguous: number; dayFirstShown: boolean; /** dates read as month first would read them, and day first not */ monthFirst: number };
/** What one date tells of its column's form (see `DateColumnWatch`). */
type DateForm = { ambiguous: boolean; dayFirstShown: boolean; monthFirstShown?: boolean };

/**
 * Turns a pasted or exported table into normalised cases, with every problem located by row and column.
 * Only a missing header row or a missing required column stops the import; everything else is reported and
 * the row is still counted where its values allow.
 */
export function importCases(table: RawTable, framework: Framework, options: ImportOptions = {}): CaseImport {
  const cases: CaseRecord[] = [];
  const summary = feedRows(table.rows, caseImporter(table, framework, options, (record) => cases.push(record)), 'reading', options);
  return { ...summary, cases };
}

/** Feeds rows already in memory to an importer, telling `onProgress` how far it has got and stopping when aborted. */
export function feedRows(rows: readonly SheetRow[], importer: CaseImporter, stage: Stage, options: RunOptions): ImportSummary {
  const total = rows.length;
  rows.forEach((row, i) => {
    if (i % PROGRESS_EVERY === 0) {
      stopIfAborted(options.signal);
      options.onProgress?.(stage, i, total);
    }
    importer.row(row);
  });
  const summary = importer.end();
  options.onProgress?.(stage, total, total);
  return summary;
}

/** A page's number in a printed report's footer: "Page 2", "Page 2 of 8", "Page 2/8". */
const PAGE_NUMBER = /^\s*page\s+\d+(?:\s*(?:of|\/)\s*\d+)?\s*$/i;

/** What labels a totals row: "Total", "Totals", "Grand total". */
const TOTALS = /^\s*(?:grand\s+)?totals?\s*:?\s*$/i;

/** The most opening rows buffered while the header row is looked for. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The streaming import: each case is handed to `onCase` as its row is read. `sheet` says where the rows come
 * from (its name for messages, whether it is delimited text, its merged cells); its rows are fed to `row`.
 */
export function caseImporter(
  sheet: Omit<RawTable, 'rows'>,
  framework: Framework,
  options: ImportOptions,
  onCase: (record: CaseRecord) => void,
  /** For rows after the top of the sheet (a later part of it): its header row, and the Case IDs of the rows before. */
  after: { header?: SheetRow; earlier?: IdRows } = {},
): SheetImporter {
  const { header, earlier } = after;
  // A date-time column measured in hours that holds dates alone is noted (an event table's view has no figures: its importer watches).
  const clock = watchTimesOfDay(framework, null, onCase);
  const opening: SheetRow[] = header ? [header] : [];
  let filledOpening = 0;
  let reader: ReturnType<typeof caseRowReader> | null = null;
  const start = (headerAt: number) => {
    reader = caseRowReader(sheet, framework, options, opening, headerAt, clock.onCase, earlier);
    for (const row of opening.slice(headerAt + 1)) reader.read(row);
    opening.length = 0;
  };
  if (header) start(0);
  // Exports often open with a title or a date line: the header row is the first of the opening rows that names every required column.
  const completeHeader = (row: SheetRow) => mapHeaders(row.cells.map((c) => tidy(cellText(c))), framework).missingRequired.length === 0;
  /** After the last row: the reader, started at the first filled row if no header row was found. */
  const started = (): NonNullable<typeof reader> => {
    if (!reader) {
      const first = opening.findIndex((r) => r.cells.some((c) => !isBlankCell(c)));
      if (first < 0) throw new InputError(`${sheet.source} has no rows: paste or export the case data with its header row first.`);
      start(first);
    }
    return reader!;
  };
  return {
    row(row) {
      if (reader) return reader.read(row);
      opening.push(row);
      if (!row.cells.some((c) => !isBlankCell(c))) return;
      filledOpening++;
      if (completeHeader(row)) start(opening.length - 1);
      else if (filledOpening === HEADER_SEARCH_ROWS) start(opening.findIndex((r) => r.cells.some((c) => !isBlankCell(c))));
    },
    columnsRead: () => reader?.columnsRead ?? null,
    end: () => clock.noted(started().finish()),
    part: () => ({ ...started().part(), untimed: clock.state() }),
    absorb(part) {
      started().absorb(part);
      clock.absorb(part.untimed);
    },
    idFingerprints: () => started().ids.fingerprints(),
    idRows: () => started().ids.entries(),
    header: () => reader?.header ?? null,
  };
}

/** How one column of the export is read: its placement, reader, and what its common values read as. */
type ColumnReading = {
  placement: ColumnPlacement;
  key: string;
  read: CellReader;
  isDate: boolean;
  /**
   * A date column read without merged cells: its dates in the common forms are read straight, never remembered;
   * this says which of their days are taken as they are, with nothing to report (the rest are read in full).
   */
  quick: ((day: Day) => boolean) | null;
  /** Exports repeat the same few spellings thousands of times: each value is read once per column. */
  memo: Map<string, MemoEntry> | null;
  /** The memory, where a cell's text alone finds its reading (not a quick date column's, nor a date paired with a time column). */
  direct: Map<string, MemoEntry> | null;
  /** The readings of the column's coded values, by code (a remembered column's, and a quick date column's). */
  byCode: (MemoEntry | undefined)[] | null;
  /**
   * By code, 1 where the reading has nothing to report (most values), its value then in `plainValues`: read from
   * two dense arrays, not through a reading object somewhere in memory, on each of a million rows.
   */
  plain: Uint8Array;
  plainValues: CaseValue[];
  blank: MemoEntry | undefined;
  /** For a date column, once a date is read: whether its dates show which part is the day. */
  watch: DateColumnWatch | null;
};
type MemoEntry = {
  value: CaseValue;
  issues: RowIssue[];
  watch: DateForm | null;
  /** Nothing to tell on a row giving it again (no issue, no date form to note): its value is taken as it is. */
  plain: boolean;
};
/** A reading remembered with its issues, which outlive their row: their texts are made their own. */
const memoEntry = (value: CaseValue, issues: RowIssue[], watch: MemoEntry['watch']): MemoEntry => ({ value, issues: issues.map(withOwnTexts), watch, plain: issues.length === 0 && watch === null });
/** Distinct values remembered per column: a column of unique values (dates with times) stops being remembered. */
const MEMO_LIMIT = 100_000;

function caseRowReader(sheet: Omit<RawTable, 'rows'>, framework: Framework, options: ImportOptions, opening: SheetRow[], headerIndex: number, onCase: (record: CaseRecord) => void, earlier?: IdRows) {
  const today = options.today ?? dayFromJsDate(new Date())!;
  const headerRowEntry = opening[headerIndex]!;
  const headers = headerRowEntry.cells.map((c) => tidy(cellText(c)));
  const mapping = mapHeaders(headers, framework);
  if (mapping.missingRequired.length) throw missingColumnsError(sheet, headerRowEntry.number, mapping.missingRequired, headers);
  const skipped = opening.slice(0, headerIndex).filter((r) => r.cells.some((c) => !isBlankCell(c))).map((r) => r.number);

  const headerNotes: ImportNote[] = [];
  if (mapping.missingOptional.length)
    headerNotes.push({
      code: 'missing_columns',
      message: `No column for ${mapping.missingOptional.map((c) => c.header.replace('#', '1 …')).join(', ')}: those values are taken as not known.`,
    });
  for (const { header, time } of mapping.placements)
    if (time) headerNotes.push({ code: 'time_column', message: `"${time.header}" is read as the time of day of "${header}".` });
  for (const time of mapping.unpairedTimes)
    headerNotes.push({
      code: 'unpaired_time_column',
      message: `"${time}" looks like a time of day, but which date column it goes with is not clear, so it is not read: every time there counts as midnight. Name it after its date column ("Referral date" and "Referral time") to have it read as that date's time of day.`,
    });
  if (mapping.ignored.length) headerNotes.push({ code: 'ignored_columns', message: `Columns not used by this return: ${mapping.ignored.join(', ')}.` });
  for (const d of mapping.duplicates)
    headerNotes.push({
      code: 'duplicate_columns',
      message: `"${d.header}" (column ${columnLetters(d.index + 1)}) is a second column for the same thing as "${d.usedHeader}" (column ${columnLetters(d.usedIndex + 1)}): only column ${columnLetters(d.usedIndex + 1)} is used, as ${whyUsed(d)}. Remove or rename one of them.`,
    });

  const log = new IssueLog(options.issueLimit, options.onIssue);
  // A row's issues are gathered first: each is given the row's Case ID, known only once the row is read.
  const issues: RowIssue[] = [];
  const cellReaders = buildCellReaders(framework, issues, today, options.eventRows ?? false, options.countingWithout);
  const merged = mergedCellsOf(sheet.merges ?? [], mapping.placements);
  const dateWatch = new Map<ColumnPlacement, DateColumnWatch>();
  const referralKey = framework.caseDates.referral;
  const weekendTested = dayTestedColumns(framework);
  /** A date its column's reader takes as it is: not after today, and inside the bank-holiday table where weekends are told. */
  const plainDay = (key: string): ((day: Day) => boolean) =>
    weekendTested.has(key) ? (day) => day <= today && isWeekendOrBankHoliday(day) !== null : (day) => day <= today;
  // Dates first: an age written as a date of birth is measured on the referral date.
  const ordered: ColumnReading[] = [...mapping.placements]
    .sort((a, b) => rank(a.column) - rank(b.column))
    .map((placement) => {
      const type = placement.column.type;
      // Text is mostly unique (Case IDs, case studies) and an age read from a date of birth depends on the referral date.
      // A merged cell's issue depends on the row, so a sheet with merges is read cell by cell.
      // A list's names are read only, so rows with the same text share one array of them.
      const memoised = (type === 'date' || type === 'flag' || type === 'whole' || type === 'category' || type === 'list') && merged.size === 0;
      const quick = type === 'date' && merged.size === 0 ? plainDay(placement.column.key) : null;
      const memo = memoised ? new Map<string, MemoEntry>() : null;
      return { placement, key: placement.column.key, read: cellReaders.get(placement.column.key)!, isDate: type === 'date' || type === 'datetime', quick, memo, direct: quick === null && !placement.time ? memo : null, byCode: memoised ? [] : null, plain: new Uint8Array(0), plainValues: [], blank: undefined, watch: null };
    });
  // A column the export lacks reads as blank in every row: not known, in the not-stated bucket.
  const absent = mapping.missingOptional.map((column) => ({ column, read: cellReaders.get(column.key)! }));

  const datePairs = datePairsOf(framework, mapping.placements);
  const absentKeys = mapping.missingOptional.map((c) => c.key);
  const rowChecks = compileRowChecks(framework, new Set(absentKeys));
  const firstRowOfId = new FirstRowOfId();
  if (earlier) firstRowOfId.seed(earlier);
  const shape: Record<string, CaseValue> = Object.fromEntries([...ordered.map((r) => r.key), ...absentKeys].map((key) => [key, null]));
  let rows = 0;
  let notCounted = 0;
  const context: CellContext = { row: 0, header: '', asOf: null, invisible: false, errorValue: false, quickDate: null };

  /** Reads one cell as the column's reader does, recording its issues in `issues` and noting its date's form. */
  const readCell = (reading: ColumnReading, given: RawCell, row: number, values: Record<string, CaseValue>, code: number): CaseValue => {
    const { placement, memo } = reading;
    const coded = code >= 0 && reading.byCode !== null ? reading.byCode[code] : undefined;
    if (coded) return remember(reading, coded, row);
    const before = issues.length;
    const value = readText(reading, given, row, values);
    // Such a reading depends on the text alone (a remembered column's), so the code's next cell is read as this one.
    if (code >= 0 && reading.byCode !== null && typeof given === 'string' && !context.errorValue) {
      const entry = (reading.byCode[code] = memo?.get(given) ?? memoEntry(value, issues.slice(before), lastDateForm));
      // Its date's form is noted already: noting it again changes nothing (a column's forms are whether any is ambiguous or day first).
      if (entry.issues.length === 0) markPlain(reading, code, entry.value);
    }
    return value;
  };
  /** A remembered reading given again: its issues on this row, its date's form noted. */
  const remember = (reading: ColumnReading, entry: MemoEntry, row: number): CaseValue => {
    // Most values have no issue: no iterator is made for them. One kept by row only is not copied.
    if (entry.issues.length)
      for (const issue of entry.issues) {
        if (log.wantsInFull(issue)) issues.push({ ...issue, row });
        else log.addBeyond(issue, row);
      }
    if (entry.watch) noteDateForm(dateWatch, reading, entry.watch);
    return entry.value;
  };
  /** The date form noted by the last cell read (for remembering its reading by its code). */
  let lastDateForm: MemoEntry['watch'] = null;
  const readText = (reading: ColumnReading, given: RawCell, row: number, values: Record<string, CaseValue>): CaseValue => {
    const { placement, memo } = reading;
    lastDateForm = null;
    // Only a cell read in full below can be an error value; `readCell` asks after every reading.
    context.errorValue = false;
    const date = reading.quick !== null && typeof given === 'string' ? quickDate(given) : null;
    if (date) {
      noteDateForm(dateWatch, reading, date);
      lastDateForm = { ambiguous: date.ambiguous, dayFirstShown: date.dayFirstShown };
      if (reading.quick!(date.day)) return date.day;
      // The full reading below, shortened: such a date has no edges to trim, is no error value and is not blank.
      context.row = row;
      context.header = placement.header;
      context.invisible = false;
      context.asOf = typeof values[referralKey] === 'number' ? (values[referralKey] as Day) : null;
      context.quickDate = date;
      const value = reading.read(given, context);
      context.quickDate = null;
      return value;
    }
    const remembered = memo === null ? undefined : given === null ? reading.blank : typeof given === 'string' ? memo.get(given) : undefined;
    if (remembered) return remember(reading, remembered, row);
    const cleaned = typeof given === 'string' ? withoutInvisibleEdges(given) : null;
    context.row = row;
    context.header = placement.header;
    context.invisible = cleaned?.invisible ?? false;
    // An error value is no value: reported once as what it is, then read as a blank.
    context.errorValue = isErrorValue(given);
    if (context.errorValue)
      issues.push(rowIssue('excel_error', row, placement.header, cellText(given),
        `"${cellText(given).trim()}" is an Excel error, not a value: the formula or lookup that filled this cell failed. It is taken as blank. Fix it in the case-management export, or type the value.`));
    const cell = context.errorValue ? null : cleaned ? cleaned.text : given;
    const blank = isBlankCell(cell);
    if (merged.size) noteMerged(placement, row, cell, blank);
    context.asOf = typeof values[referralKey] === 'number' ? (values[referralKey] as Day) : null;
    const dateReading = reading.isDate && typeof cell === 'string' ? readDate(cell) : null;
    const watch: DateForm | null =
      dateReading?.ok ? { ambiguous: dateReading.ambiguous, dayFirstShown: dateReading.dayFirstShown }
      : dateReading?.monthFirstShown ? { ambiguous: false, dayFirstShown: false, monthFirstShown: true }
      : null;
    if (watch) noteDateForm(dateWatch, reading, watch);
    lastDateForm = watch;
    const before = issues.length;
    const value = reading.read(cell, context);
    if (memo && !context.errorValue) {
      const entry = memoEntry(value, issues.slice(before), watch);
      if (given === null) reading.blank = entry;
      else if (typeof given === 'string' && memo.size < MEMO_LIMIT && rememberable(given)) memo.set(ownCopy(given), entry);
    }
    return value;
  };
  const noteMerged = (placement: ColumnPlacement, row: number, cell: RawCell, blank: boolean) => {
    const master = merged.get(`${row}:${placement.index}`);
    if (master && !blank)
      issues.push(rowIssue('merged_cells', row, placement.header, cellText(cell),
        `Rows ${master.top}–${master.bottom} of ${placement.header} are merged cells, so row ${master.top}'s value "${tidy(cellText(cell))}" is read into this row too. Unmerge the cells and give each row its own value.`));
  };

  // A report printed page by page repeats its header row: such a row is no case. It is told by its first mapped
  // cell (the same text as the header's) before every mapped cell is compared (the others may not be read).
  const firstMapped = Math.min(...mapping.placements.map((p) => p.index));
  const firstHeaderText = headerRowEntry.cells[firstMapped];
  const repeatsHeader = (cells: readonly RawCell[]) =>
    (cells[firstMapped] === firstHeaderText || startsWithByteOrderMark(cells[firstMapped])) && mapping.placements.every((p) => tidy(cellText(cells[p.index] ?? null)) === headers[p.index]);
  const repeatedHeaders: number[] = [];
  // A report's totals row at its foot ("Total" and the counts, no referral date) is no case either.
  const idIndex = mapping.placements.find((p) => p.column.key === framework.caseId)?.index ?? -1;
  const referralIndex = mapping.placements.find((p) => p.column.key === referralKey)?.index ?? -1;
  const isTotalsRow = (cells: readonly RawCell[]) => {
    const labelAt = mapping.placements.find((p) => !isBlankCell(cells[p.index] ?? null))?.index ?? -1;
    const label = cells[labelAt];
    if (typeof label !== 'string' || !TOTALS.test(label)) return false;
    const referral = cells[referralIndex] ?? null;
    return (labelAt === idIndex || isBlankCell(cells[idIndex] ?? null)) && (isBlankCell(referral) || readDate(referral)?.ok !== true);
  };
  const totalsRows: number[] = [];
  // A report printed page by page ends each page with its number: such a row holds that alone.
  const pageRows: number[] = [];
  const isPageRow = (cells: readonly RawCell[]) => {
    const filled = cells.filter((c) => !isBlankCell(c));
    return filled.length === 1 && typeof filled[0] === 'string' && PAGE_NUMBER.test(filled[0]);
  };

  const read = ({ number: row, cells, codes, fits }: SheetRow) => {
    if (cells.every(isBlankCell)) return;
    if (repeatsHeader(cells)) return void repeatedHeaders.push(row);
    if (isTotalsRow(cells)) return void totalsRows.push(row);
    if (isPageRow(cells)) return void pageRows.push(row);
    // Every case's values start from one shape, so each is made by copying it rather than key by key.
    const values: Record<string, CaseValue> = { ...shape };
    issues.length = 0;
    checkRowShape(sheet, row, cells, headers, issues, fits === true);
    for (const reading of ordered) {
      const { placement, key } = reading;
      const code = codes === undefined ? -1 : (codes[placement.index] ?? -1);
      const cell = placement.time ? withTimeOfDay(cells[placement.index] ?? null, cells[placement.time.index] ?? null) : (cells[placement.index] ?? null);
      // A remembered value with nothing to tell is taken straight from its column's memory, by code or by text.
      const known = code >= 0 || reading.direct === null ? undefined : typeof cell === 'string' ? reading.direct.get(cell) : cell === null ? reading.blank : undefined;
      const value =
        code >= 0 && reading.plain[code] === 1 ? reading.plainValues[code]!
        : known?.plain === true ? known.value
        : readCell(reading, cell, row, values, placement.time ? -1 : code);
      if (placement.repeat !== null && value !== null && Array.isArray(values[key]) && alreadyIn(values[key] as string[], value)) {
        const given = cells[placement.index] ?? null;
        const cell = typeof given === 'string' ? withoutInvisibleEdges(given).text : given;
        issues.push(rowIssue('repeated_category', row, placement.header, cellText(cell),
          `"${tidy(cellText(cell))}" is already in an earlier ${placement.column.header.replace(/\s*#/, '')} column: it counts once for this case. Remove the repeat, or record the one that was meant.`));
      }
      values[key] = placement.repeat === null ? value : mergeRepeated(values[key], value);
      if (placement.repeat !== null && placement.column.type === 'category' && placement.column.repeat! < (values[key] as string[]).length)
        values[key] = beyondNumbered(placement, values[key] as string[], row, cells[placement.index] ?? null, issues);
    }
    for (const { column, read } of absent) {
      const blank = read(null, { row, header: column.header, asOf: null, invisible: false, errorValue: false, quickDate: null });
      values[column.key] = column.type === 'category' && column.repeat ? mergeRepeated(undefined, blank) : blank;
    }
    const id = typeof values[framework.caseId] === 'string' ? (values[framework.caseId] as string) : '';
    let duplicateOf: number | null = null;
    if (id && !options.eventRows) {
      // "SS-101" and "ss-101" are one case, as the spreadsheet's lookups over the filled case sheet take them.
      duplicateOf = firstRowOfId.firstRow(caseIdKey(id), row);
      if (duplicateOf !== null)
        issues.push(
          rowIssue('duplicate_case_id', row, headerOf(mapping.placements, framework.caseId), id, `Case ID "${id}" is also on row ${duplicateOf}: this row is not counted. Remove the repeated row, or give the case its own ID.`),
        );
    }
    const record: CaseRecord = { row, id, duplicateOf, values };
    checkDateOrder(datePairs, record, issues);
    if (duplicateOf === null) issues.push(...rowChecks(record, cellsOfRow(mapping.placements, cells), log));
    for (const issue of issues) {
      issue.caseId = id || null;
      log.add(issue);
    }
    rows++;
    if (duplicateOf !== null || typeof values[referralKey] !== 'number') notCounted++;
    onCase(record);
  };

  const finish = (): ImportSummary => {
    const notes: ImportNote[] = [];
    if (skipped.length)
      notes.push({ code: 'rows_above_header', message: `Row${skipped.length === 1 ? '' : 's'} ${skipped.join(', ')} above the header row (row ${headerRowEntry.number}) ${skipped.length === 1 ? 'was' : 'were'} skipped: ${skipped.length === 1 ? 'it does' : 'they do'} not name the case columns.` });
    notes.push(...headerNotes);
    for (const watch of dateWatch.values())
      if (watch.monthFirst > 0 && !watch.dayFirstShown)
        notes.push({
          code: 'month_first_dates',
          message: `"${watch.header}" looks written month first (month/day/year, as 05/21/2020): ${watch.monthFirst.toLocaleString('en-GB')} of its dates have a second part over 12, and none a first part over 12. Those could not be read${watch.ambiguous ? `, and the ${watch.ambiguous.toLocaleString('en-GB')} with both parts 12 or less were read day first, which is likely wrong` : ''}. Change the export to day first or ISO (2020-05-21), and run again.`,
        });
      else if (watch.ambiguous > 0 && !watch.dayFirstShown)
        notes.push({
          code: 'ambiguous_dates',
          message: `Every date in "${watch.header}" has a day of 12 or less, so it could be read day first or month first. They were read day first (01/04/2020 is 1 April 2020); if your system writes month first, change its export to day first or ISO (2020-04-01).`,
        });
    if (pageRows.length)
      notes.push({
        code: 'page_rows',
        message: `${pageRows.length === 1 ? 'Row' : 'Rows'} ${listed(pageRows)} ${pageRows.length === 1 ? 'holds' : 'hold'} a page number alone ("Page 1 of 8"), as a report printed page by page does: ${pageRows.length === 1 ? 'it was' : 'they were'} skipped.`,
      });
    if (totalsRows.length)
      notes.push({
        code: 'totals_row',
        message: `${totalsRows.length === 1 ? 'Row' : 'Rows'} ${listed(totalsRows)} ${totalsRows.length === 1 ? 'is a totals row' : 'are totals rows'} ("Total" with no referral date), as a report's foot has: ${totalsRows.length === 1 ? 'it was' : 'they were'} skipped, and the figures are counted from the case rows.`,
      });
    if (repeatedHeaders.length)
      notes.push({
        code: 'repeated_header',
        message: `${repeatedHeaders.length === 1 ? 'Row' : 'Rows'} ${listed(repeatedHeaders)} ${repeatedHeaders.length === 1 ? 'repeats' : 'repeat'} the header row (row ${headerRowEntry.number}), as a report printed page by page does: ${repeatedHeaders.length === 1 ? 'it was' : 'they were'} skipped.`,
      });
    if (rows === 0) notes.push({ code: 'no_cases', message: `${sheet.source} has a header row but no case rows.` });
    return { absent: absentKeys, issues: log.kept, moreIssues: log.more, notes, headerRow: headerRowEntry.number, placements: mapping.placements, rows, notCounted };
  };
  const part = (): Omit<ImportPart, 'untimed'> => ({
    rows,
    notCounted,
    skipped,
    issues: log.state(),
    dates: [...dateWatch].map(([placement, { ambiguous, dayFirstShown, monthFirst }]) => ({ index: placement.index, ambiguous, dayFirstShown, monthFirst })),
    repeatedHeaders,
    totalsRows,
    pageRows,
  });
  const absorb = (later: ImportPart) => {
    rows += later.rows;
    notCounted += later.notCounted;
    skipped.push(...later.skipped);
    log.absorb(later.issues);
    for (const { index, ambiguous, dayFirstShown, monthFirst } of later.dates) {
      const reading = ordered.find((r) => r.placement.index === index);
      if (reading) noteDateForm(dateWatch, reading, { ambiguous: false, dayFirstShown }, { ambiguous, monthFirst });
    }
    repeatedHeaders.push(...later.repeatedHeaders);
    totalsRows.push(...later.totalsRows);
    pageRows.push(...later.pageRows);
  };
  const columnsRead: ColumnsRead = { width: headers.length, read: mapping.placements.flatMap((p) => (p.time ? [p.index, p.time.index] : [p.index])) };
  return { read, finish, part, absorb, ids: firstRowOfId, columnsRead, header: headerRowEntry };
}

type CellContext = {
  row: number;
  header: string;
  asOf: Day | null;
  /** Invisible characters were removed from around the cell's value. */
  invisible: boolean;
  /** The cell held an error value, already reported: a blank from it is not reported again. */
  errorValue: boolean;
  /** The date cell's reading, when `quickDate` has read it already: not read a second time. */
  quickDate: DateReading | null;
};

/** Cells under a merged cell's first row, by "row:index", with the rows the merge spans. */
function mergedCellsOf(merges: NonNullable<RawTable['merges']>, placements: ColumnPlacement[]): Map<string, { top: number; bottom: number }> {
  const used = new Set(placements.map((p) => p.index));
  const cells = new Map<string, { top: number; bottom: number }>();
  for (const { top, left, bottom, right } of merges) {
    for (let column = left; column <= right; column++)
      if (used.has(column - 1)) for (let row = top + 1; row <= bottom; row++) cells.set(`${row}:${column - 1}`, { top, bottom });
  }
  return cells;
}

/**
 * A row that does not fit the header row: values beyond the last column, fewer fields than columns in a
 * delimited file (a separator lost or an unquoted one added), or text longer than a spreadsheet cell holds.
 */
function checkRowShape(table: Pick<RawTable, 'delimited'>, row: number, cells: readonly RawCell[], headers: readonly string[], issues: RowIssue[], measured: boolean) {
  const width = headers.length;
  let beyond = 0;
  for (let i = width; i < cells.length; i++) if (!isBlankCell(cells[i])) beyond++;
  if (beyond) {
    const values = cells.slice(width).filter((c) => !isBlankCell(c));
    issues.push(rowIssue('ragged_row', row, null, values.map(cellText).join(', '),
      `Row ${row} has ${beyond} value${beyond === 1 ? '' : 's'} beyond the last column (${columnLetters(width)}): a separator may be unquoted inside a value, so the values may sit under the wrong headers. Quote the value or remove the extra separator.`));
  } else if (table.delimited && cells.length < width)
    issues.push(rowIssue('ragged_row', row, null, cells.map(cellText).join(', '),
      `Row ${row} has ${cells.length} value${cells.length === 1 ? '' : 's'} but the header row has ${width} columns: a separator is missing, so the values may sit under the wrong headers. Check the row in the export.`));
  for (let i = 0; !measured && i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length > CELL_TEXT_LIMIT)
      issues.push(rowIssue('too_long', row, headers[i] || `column ${columnLetters(i + 1)}`, `${cell.slice(0, 40)}…`,
        `${headers[i] || `Column ${columnLetters(i + 1)}`} holds ${cell.length.toLocaleString('en-GB')} characters, more than the ${CELL_TEXT_LIMIT.toLocaleString('en-GB')} a spreadsheet cell holds: a workbook keeps only the first ${CELL_TEXT_LIMIT.toLocaleString('en-GB')}. Shorten it in the case-management system.`));
  }
}
type CellReader = (cell: RawCell, context: CellContext) => CaseValue;

function rank(column: Column): number {
  return column.type === 'date' ? 0 : 1;
}

/** Whether a numbered column's next cell (one category, or several listed in one cell) repeats one already given. */
function alreadyIn(ids: readonly string[], next: CaseValue): boolean {
  return typeof next === 'string' ? ids.includes(next) : Array.isArray(next) && next.some((id) => ids.includes(id));
}

/** A numbered column's categories so far with the next cell's (one, or several listed in one cell), each once. */
function mergeRepeated(previous: CaseValue | undefined, next: CaseValue): string[] {
  const ids = Array.isArray(previous) ? previous : [];
  // A lone category (most cells) is added without an array made for it.
  if (typeof next === 'string') return ids.includes(next) ? ids : [...ids, next];
  const added = Array.isArray(next) ? next.filter((id) => !ids.includes(id)) : [];
  return added.length ? [...ids, ...added] : ids;
}

/**
 * A case's categories in a numbered column beyond its numbers (five outcomes listed where the return has four
 * columns): the first are kept, as the case sheet's numbered columns hold them, and the rest reported.
 */
function beyondNumbered(placement: ColumnPlacement, ids: string[], row: number, given: RawCell, issues: RowIssue[]): string[] {
  const most = placement.column.type === 'category' ? placement.column.repeat! : ids.length;
  const name = placement.column.header.replace(/\s*#/, '');
  issues.push(rowIssue('too_many_categories', row, placement.header, cellText(given),
    `This case has ${ids.length} values of ${name}, but the return counts at most ${most} for a case: the last ${ids.length - most === 1 ? 'one is' : `${ids.length - most} are`} not counted. Keep the ${most} that count for the return.`));
  return ids.slice(0, most);
}

/** A row's cells by column key, as written (numbered columns joined), for showing a contradiction. */
function cellsOfRow(placements: ColumnPlacement[], cells: RawCell[]): RowCells {
  return (key) => {
    const found = placements.filter((p) => p.column.key === key);
    if (!found.length) return null;
    const texts = found.map((p) => cellText(cells[p.index] ?? null)).filter((t) => t.trim() !== '');
    return { header: found.length === 1 ? found[0]!.header : found[0]!.column.header.replace(/\s*#/, ''), text: texts.join(', ') };
  };
}

function headerOf(placements: ColumnPlacement[], key: string): string | null {
  return placements.find((p) => p.column.key === key)?.header ?? null;
}

/** Marks a code whose reading has nothing to report: its next cells are read from the dense arrays. */
function markPlain(reading: ColumnReading, code: number, value: CaseValue) {
  if (code >= reading.plain.length) {
    const grown = new Uint8Array(Math.max(64, 2 * reading.plain.length, code + 1));
    grown.set(reading.plain);
    reading.plain = grown;
  }
  reading.plain[code] = 1;
  reading.plainValues[code] = value;
}

/** Notes a date's form in its column: whether it is ambiguous, shows the day first or the month first (or `more` such dates at once). */
function noteDateForm(watch: Map<ColumnPlacement, DateColumnWatch>, reading: ColumnReading, form: DateForm, more = { ambiguous: 0, monthFirst: 0 }) {
  let w = reading.watch;
  if (!w) watch.set(reading.placement, (w = reading.watch = { header: reading.placement.header, ambiguous: 0, dayFirstShown: false, monthFirst: 0 }));
  if (form.ambiguous) w.ambiguous++;
  if (form.monthFirstShown) w.monthFirst++;
  w.ambiguous += more.ambiguous;
  w.monthFirst += more.monthFirst;
  if (form.dayFirstShown) w.dayFirstShown = true;
}

/** One reader per column, made once, that normalises a cell and records any problem. */
function buildCellReaders(framework: Framework, issues: RowIssue[], today: Day, eventRows: boolean, countingWithout?: (key: string) => string): Map<string, CellReader> {
  const everyFlag = new FlagReader(framework.flags);
  const readers = new Map<string, CellReader>();
  for (const column of framework.columns) {
    const report = (code: Parameters<typeof rowIssue>[0], ctx: CellContext, cell: RawCell, message: string) =>
      issues.push(rowIssue(code, ctx.row, ctx.header, cellText(cell), ctx.invisible ? `${message} (Invisible characters around the value, such as a no-break or zero-width space, were removed before reading it.)` : message));
    const blankRequired = (ctx: CellContext) =>
      !ctx.errorValue && report('missing_value', ctx, null, eventRows
        ? `${ctx.header} is blank: ${countingWithout?.(column.key) ?? 'this event is counted nowhere until it has one'}.`
        : column.key === framework.caseDates.referral
        ? `${ctx.header} is blank: this case is counted nowhere until it has a referral date.`
        : `${ctx.header} is blank: every case needs one.`);
    const reportOutsideTable = (ctx: CellContext, cell: RawCell, day: Day) =>
      report('outside_bank_holiday_table', ctx, cell, `${displayDay(day)} is outside ${describeBankHolidayTable()}, so whether it is a weekday or a weekend day is not known: it is counted as neither. Update the table, or correct the date.`);
    switch (column.type) {
      case 'text':
        readers.set(column.key, (cell, ctx) => {
          const text = tidy(cellText(cell));
          if (text === '' && column.required) blankRequired(ctx);
          return text === '' ? null : column.key === framework.caseId ? text : cellText(cell).trim();
        });
        break;
      case 'date': {
        const weekendTested = dayTestedColumns(framework).has(column.key);
        readers.set(column.key, (cell, ctx) => {
          const reading = ctx.quickDate ?? readDate(cell);
          if (reading === null) {
            if (column.required) blankRequired(ctx);
            return null;
          }
          if (reading.ok && reading.day > today) {
            report('date_in_future', ctx, cell, `${displayDay(reading.day)} is after today (${displayDay(today)}): a case cannot have happened yet. It is taken as blank. Correct the date in the case-management system.`);
            return null;
          }
          if (reading.ok) {
            if (weekendTested && isWeekendOrBankHoliday(reading.day) === null) reportOutsideTable(ctx, cell, reading.day);
            return reading.day;
          }
          const accepted = 'Write it as day/month/year (01/04/2020), 2020-04-01 or 1 Apr 2020.';
          report(reading.problem, ctx, cell, reading.problem === 'impossible_date'
            ? `"${cellText(cell)}" is not a real date: ${reading.detail}. ${accepted}`
            : `"${cellText(cell)}" is not a date. ${accepted}`);
          return null;
        });
        break;
      }
      case 'datetime': {
        const weekendTested = dayTestedColumns(framework).has(column.key);
        readers.set(column.key, (cell, ctx) => {
          const reading = readDateTime(cell);
          if (reading === null) {
            if (column.required) blankRequired(ctx);
            return null;
          }
          if (reading.ok && reading.day > today) {
            report('date_in_future', ctx, cell, `${displayDay(reading.day)} is after today (${displayDay(today)}): it cannot have happened yet. It is taken as blank. Correct the date in the case-management system.`);
            return null;
          }
          if (reading.ok) {
            if (weekendTested && isWeekendOrBankHoliday(reading.at) === null) reportOutsideTable(ctx, cell, reading.day);
            return reading.at;
          }
          const accepted = 'Write it as day/month/year and time (03/04/2024 14:35), 2024-04-03 14:35 or a date alone.';
          report(reading.problem, ctx, cell, reading.problem === 'impossible_date'
            ? `"${cellText(cell)}" is not a real date and time: ${reading.detail}. ${accepted}`
            : `"${cellText(cell)}" is not a date and time. ${accepted}`);
          return null;
        });
        break;
      }
      case 'flag': {
        const flags = column.answers ? new FlagReader(framework.flags, column.answers) : everyFlag;
        readers.set(column.key, (cell, ctx) => {
          const reading = flags.read(cell);
          if (!reading.recognised)
            report('unrecognised_flag', ctx, cell, `"${cellText(cell)}" is not a yes/no value; it is counted as not known. Use ${flags.describe()}.`);
          return reading.value;
        });
        break;
      }
      case 'whole':
        readers.set(column.key, (cell, ctx) => {
          const reading = readWholeNumber(cell);
          if (reading.ok) return reading.value;
          report('not_whole_number', ctx, cell, `"${cellText(cell)}" is not a whole number; it is not counted. Write a count such as 0, 3 or 12, or leave it blank.`);
          return null;
        });
        break;
      case 'list':
        readers.set(column.key, (cell) =>
          cellText(cell).split(column.separator).map(tidy).filter((name) => name !== ''),
        );
        break;
      case 'category': {
        const matcher = new CategoryMatcher(framework.categories[column.category]!, framework.notStated);
        // A required column whose list has no not-stated bucket: a blank or a not-stated word puts the row in no category.
        const needsOne = column.required && matcher.list.unknown === undefined;
        const readOne = (text: string, ctx: CellContext, cell: RawCell): string | null => {
          const reading = matcher.read(text);
          if (needsOne && reading.kind === 'not_stated' && tidy(text) === '') blankRequired(ctx);
          else if (reading.kind === 'group_only')
            report('unrecognised_category', ctx, cell, `"${tidy(text)}" is counted as ${labelOf(matcher, reading.id)}, but "${tidy(reading.detail)}" is not one of the agreed ${matcher.list.label.toLowerCase()} values: if it means ${reading.narrowedBy.join(' or ')}, record it as that, or add the spelling to your own value spellings.`);
          else if (reading.kind === 'unrecognised' || (needsOne && reading.kind === 'not_stated'))
            report('unrecognised_category', ctx, cell, `"${tidy(text)}" is not one of the agreed ${matcher.list.label.toLowerCase()} values; ${
              reading.id ? `it is counted as ${labelOf(matcher, reading.id)}` : (countingWithout?.(column.key) ?? 'it is not counted')
            }. Accepted: ${matcher.acceptedLabels().join('; ')}.`);
          return reading.id;
        };
        readers.set(column.key, (cell, ctx) => {
          const text = cellText(cell);
          // Numbered columns (Outcome 1 … 4) are often exported as one cell listing several ("Better informed; Feel safer"): each is read as its own column's would be.
          const listed = column.repeat ? matcher.listedIn(text) : null;
          return listed ? listedOnce(matcher, listed.map((part) => [part, readOne(part, ctx, part)]), ctx, report) : readOne(text, ctx, cell);
        });
        break;
      }
      case 'age': {
        const matcher = new CategoryMatcher(framework.categories[column.category]!, framework.notStated);
        const asOfHeader = spellingsOf(columnOf(framework, column.asOf))[0]!.spelling;
        const readAge = ageReader(matcher, MEMO_LIMIT);
        readers.set(column.key, (cell, ctx) => {
          const reading = readAge(cell, ctx.asOf);
          if (!reading.ok) {
            const counted = reading.band ? `it is counted as ${labelOf(matcher, reading.band)}` : 'it is not counted';
            const text = tidy(cellText(cell));
            const why =
              reading.problem === 'dob_after_referral' ? `the date of birth ${text} is after the ${asOfHeader.toLowerCase()}`
              : reading.problem === 'impossible_date' ? `"${text}" is not a real date: ${reading.detail}`
              : reading.detail || `"${text}" is not an age, an age band or a date of birth`;
            report(reading.problem === 'dob_after_referral' ? 'dob_after_referral' : reading.problem === 'impossible_date' ? 'impossible_date' : 'invalid_age', ctx, cell,
              `${capitalise(why)}; ${counted}. Give the age in whole years (34), a band (${matcher.acceptedLabels().join(', ')}) or a date of birth.`);
          }
          return reading.band;
        });
        break;
      }
    }
  }
  return readers;
}

/** A cell's listed categories, each once: a repeat is reported, as one in a later numbered column is. */
function listedOnce(matcher: CategoryMatcher, readings: [string, string | null][], ctx: CellContext, report: (code: 'repeated_category', ctx: CellContext, cell: RawCell, message: string) => void): string[] {
  const ids: string[] = [];
  for (const [part, id] of readings) {
    if (id === null) continue;
    if (!ids.includes(id)) ids.push(id);
    else report('repeated_category', ctx, part, `"${tidy(part)}" repeats ${labelOf(matcher, id)}, listed earlier in the same cell: it counts once for this case. Remove the repeat, or record the one that was meant.`);
  }
  return ids;
}

function labelOf(matcher: CategoryMatcher, id: string): string {
  return `"${matcher.list.items.find((i) => i.id === id)?.label ?? id}"`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type DatePair = { startKey: string; startHeader: string; endKey: string; endHeader: string; endNeedsStart: boolean };

/** Dates that must come in order: referral before exit, and each waiting-list start before its end. */
function datePairsOf(framework: Framework, placements: ColumnPlacement[]): DatePair[] {
  const keys: [string, string][] = [[framework.caseDates.referral, framework.caseDates.exit]];
  for (const f of framework.figures)
    if ((f.kind === 'waiting_average_number' || f.kind === 'waiting_average_days') && !keys.some(([s, e]) => s === f.start && e === f.end))
      keys.push([f.start, f.end]);
  return keys.flatMap(([startKey, endKey]) => {
    const endHeader = headerOf(placements, endKey);
    if (endHeader === null) return [];
    const startHeader = headerOf(placements, startKey) ?? columnOf(framework, startKey).header;
    // A blank referral date is already reported as missing.
    return [{ startKey, startHeader, endKey, endHeader, endNeedsStart: startKey !== framework.caseDates.referral }];
  });
}

function checkDateOrder(pairs: DatePair[], record: CaseRecord, issues: RowIssue[]) {
  for (const { startKey, startHeader, endKey, endHeader, endNeedsStart } of pairs) {
    const start = record.values[startKey];
    const end = record.values[endKey];
    if (typeof end !== 'number') continue;
    if (typeof start === 'number' && orderBetween(start, end) < 0)
      issues.push(rowIssue('dates_out_of_order', record.row, endHeader, displayDateTime(end),
        `${endHeader} ${displayDateTime(end)} is before ${startHeader} ${displayDateTime(start)}; the case is counted by its dates as given. Correct whichever date is wrong.`));
    else if (typeof start !== 'number' && endNeedsStart)
      issues.push(rowIssue('end_without_start', record.row, endHeader, displayDay(end),
        `${endHeader} is ${displayDay(end)} but ${startHeader} is blank, so this case is left out of the waiting-list figures. Add the start date.`));
  }
}

function missingColumnsError(sheet: Omit<RawTable, 'rows'>, headerRow: number, missing: Column[], headers: string[]): InputError {
  const wanted = missing.map((c) => `"${c.header}" (or ${c.synonyms.map((s) => `"${s}"`).join(', ')})`).join('; ');
  const found = headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || 'none';
  // A workbook whose first sheet is a summary or a cover: the cases are on another.
  const others = sheet.otherSheets?.length
    ? `\nThis is the workbook's first sheet; its other sheets are ${sheet.otherSheets.map((name) => `"${name}"`).join(', ')}. If the cases are on one of them, name that sheet (--sheet on the command line), or move them to the first sheet.`
    : '';
  return new InputError(
    `${sheet.source}: the header row (row ${headerRow}) has no column for ${wanted}.\nColumns found: ${found}.\nRename the column headers, or make sure the first non-blank row is the header row.${others}`,
  );
}

/** A cell starting with a byte-order mark: the header row of a second export joined onto the first (`copy /b a.csv+b.csv`). */
function startsWithByteOrderMark(cell: RawCell | undefined): boolean {
  return typeof cell === 'string' && cell.charCodeAt(0) === 0xfeff;
}

/** Row numbers for a note: the first ten, and how many more. */
function listed(rows: readonly number[]): string {
  return rows.length <= 10 ? rows.join(', ') : `${rows.slice(0, 10).join(', ')} and ${(rows.length - 10).toLocaleString('en-GB')} more`;
}

