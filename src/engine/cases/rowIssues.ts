import { z } from 'zod';

/** Every problem the import can find in a row: a stable code, a title for summaries, and its severity. */
export const rowIssueCatalogue = {
  missing_value: { title: 'Required value is blank', severity: 'error' },
  not_a_date: { title: 'Not a date', severity: 'error' },
  impossible_date: { title: 'Not a real calendar date', severity: 'error' },
  unrecognised_category: { title: 'Value not in the agreed list', severity: 'error' },
  unrecognised_flag: { title: 'Not a yes/no value', severity: 'error' },
  not_whole_number: { title: 'Not a whole number', severity: 'error' },
  invalid_age: { title: 'Not an age, age band or date of birth', severity: 'error' },
  dob_after_referral: { title: 'Date of birth after the referral date', severity: 'error' },
  duplicate_case_id: { title: 'Case ID used more than once', severity: 'error' },
  dates_out_of_order: { title: 'End date before start date', severity: 'error' },
  end_without_start: { title: 'End date with no start date', severity: 'warning' },
  excel_error: { title: 'Excel error value instead of a value', severity: 'error' },
  merged_cells: { title: 'Value repeated by merged cells', severity: 'warning' },
  date_in_future: { title: 'Date after today', severity: 'error' },
  ragged_row: { title: 'More or fewer values than columns', severity: 'error' },
  too_long: { title: 'Longer than a spreadsheet cell holds', severity: 'error' },
} as const satisfies Record<string, { title: string; severity: 'error' | 'warning' }>;

export type RowIssueCode = keyof typeof rowIssueCatalogue;

export const rowIssueSchema = z.object({
  /** The row number the user sees beside the row in the sheet. */
  row: z.number().int().positive(),
  /** The column header as written in the file. */
  column: z.string().nullable(),
  value: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.enum(Object.keys(rowIssueCatalogue) as [RowIssueCode, ...RowIssueCode[]]),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

export function rowIssue(code: RowIssueCode, row: number, column: string | null, value: string, message: string): RowIssue {
  return { row, column, value, severity: rowIssueCatalogue[code].severity, code, message };
}

/** A remark about the whole file rather than one row (an ambiguous date column, columns not found). */
export interface ImportNote {
  code: 'ambiguous_dates' | 'missing_columns' | 'ignored_columns' | 'duplicate_columns' | 'no_cases' | 'rows_above_header';
  message: string;
}
