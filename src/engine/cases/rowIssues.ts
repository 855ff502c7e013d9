import { z } from 'zod';
import { ownCopy } from './textKey';

/**
 * Every problem the import can find in a row: a stable code, a title for summaries, its severity, and what to do
 * about it in general (a row check of the framework says what to do about its own contradiction).
 */
export const rowIssueCatalogue = {
  missing_value: { title: 'Required value is blank', severity: 'error', fix: 'Fill in the value in the case-management system and export again.' },
  not_a_date: { title: 'Not a date', severity: 'error', fix: 'Write the date as day/month/year (01/04/2020) or 2020-04-01.' },
  impossible_date: { title: 'Not a real calendar date', severity: 'error', fix: 'Correct the date to a real calendar date.' },
  unrecognised_category: { title: 'Value not in the agreed list', severity: 'error', fix: 'Use one of the agreed values, or ask the commissioner to accept this spelling.' },
  unrecognised_flag: { title: 'Not a yes/no value', severity: 'error', fix: 'Write Yes or No, or leave it blank when not known.' },
  not_whole_number: { title: 'Not a whole number', severity: 'error', fix: 'Write a whole number such as 0, 3 or 12, or leave it blank.' },
  invalid_age: { title: 'Not an age, age band or date of birth', severity: 'error', fix: 'Give the age in whole years, an age band or a date of birth.' },
  dob_after_referral: { title: 'Date of birth after the referral date', severity: 'error', fix: 'Correct the date of birth or the referral date.' },
  duplicate_case_id: { title: 'Case ID used more than once', severity: 'error', fix: 'Remove the repeated row, or give the case its own Case ID.' },
  dates_out_of_order: { title: 'End date before start date', severity: 'error', fix: 'Correct whichever date is wrong.' },
  end_without_start: { title: 'End date with no start date', severity: 'warning', fix: 'Add the start date.' },
  repeated_category: { title: 'The same value twice in numbered columns or one cell', severity: 'error', fix: 'Remove the repeat, or record the value that was meant.' },
  too_many_categories: { title: 'More values than the numbered columns count', severity: 'error', fix: 'Keep the values that count for the return, as many as it has numbered columns.' },
  excel_error: { title: 'Excel error value instead of a value', severity: 'error', fix: 'Fix the formula or lookup that filled the cell in the export, or type the value.' },
  merged_cells: { title: 'Value repeated by merged cells', severity: 'warning', fix: 'Unmerge the cells and give each row its own value.' },
  date_in_future: { title: 'Date after today', severity: 'error', fix: 'Correct the date: a referral, exit or other date cannot be after the day the export was made.' },
  outside_bank_holiday_table: { title: 'Date beyond the bank-holiday table', severity: 'error', fix: 'Update the England and Wales bank-holiday table (src/engine/calendar/bankHolidays.ts) from www.gov.uk/bank-holidays, or correct the date.' },
  ragged_row: { title: 'More or fewer values than columns', severity: 'error', fix: 'Export the rows again so each has one value per column (a stray comma or line break splits a row).' },
  too_long: { title: 'Longer than a spreadsheet cell holds', severity: 'error', fix: 'Shorten the text to under 32,767 characters.' },
  contradiction: { title: 'Values that contradict each other', severity: 'error', fix: 'Correct the values to what happened.' },
  unknown_case: { title: 'Event of a case not in the case data', severity: 'error', fix: 'Correct the Case ID, or export the case data and the events for the same cases.' },
  duplicate_event: { title: 'Event recorded twice', severity: 'error', fix: 'Remove the repeated row, or give the event its own ID.' },
} as const satisfies Record<string, { title: string; severity: 'error' | 'warning'; fix: string }>;

export type RowIssueCode = keyof typeof rowIssueCatalogue;

export const rowIssueSchema = z.object({
  /** The row number the user sees beside the row in the sheet. */
  row: z.number().int().positive(),
  /** The file (or sheet) of an event table's row; absent for a row of the case data. */
  source: z.string().optional(),
  /** The row's Case ID, when it has one. */
  caseId: z.string().nullable().default(null),
  /** The column header as written in the file (several, joined with "; ", for a contradiction). */
  column: z.string().nullable(),
  value: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.enum(Object.keys(rowIssueCatalogue) as [RowIssueCode, ...RowIssueCode[]]),
  /** For a contradiction: the framework's row check that found it, and each column involved with its value. */
  check: z.string().optional(),
  cells: z.array(z.object({ column: z.string(), value: z.string() })).optional(),
  message: z.string(),
  /** What to do about it, for the provider's fix list. */
  fix: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

export function rowIssue(
  code: RowIssueCode,
  row: number,
  column: string | null,
  value: string,
  message: string,
  own: { severity?: 'error' | 'warning'; fix?: string; check?: string; cells?: { column: string; value: string }[] } = {},
): RowIssue {
  const entry = rowIssueCatalogue[code];
  return {
    row,
    caseId: null,
    column,
    value,
    severity: own.severity ?? entry.severity,
    code,
    ...(own.check ? { check: own.check } : {}),
    ...(own.cells ? { cells: own.cells } : {}),
    message,
    fix: own.fix ?? entry.fix,
  };
}

/**
 * The issue, its texts made its own: one kept past its row (to the end of the file, or remembered with its value)
 * would otherwise keep the chunk of the file its cell's text was cut from, and a message made with that text too.
 */
export function withOwnTexts(issue: RowIssue): RowIssue {
  issue.value = ownCopy(issue.value);
  issue.message = ownCopy(issue.message);
  if (issue.caseId) issue.caseId = ownCopy(issue.caseId);
  if (issue.cells) issue.cells = issue.cells.map((c) => ({ column: c.column, value: ownCopy(c.value) }));
  return issue;
}

/** A remark about the whole file rather than one row (an ambiguous date column, columns not found). */
export interface ImportNote {
  code: 'ambiguous_dates' | 'dates_without_times' | 'missing_columns' | 'ignored_columns' | 'month_first_dates' | 'time_column' | 'unpaired_time_column' | 'list_cut' | 'period_changed' | 'findings_stale' | 'duplicate_columns' | 'no_cases' | 'rows_above_header' | 'repeated_header' | 'totals_row' | 'page_rows' | 'blank_figures' | 'no_events';
  message: string;
}
