import { z } from 'zod';
import { rowIssueCatalogue, rowIssueSchema, withOwnTexts, type RowIssue, type RowIssueCode } from './rowIssues';

/** Row issues of one kind beyond those kept in full: where they are (row numbers), compactly. */
export const moreRowIssuesSchema = z.object({
  code: z.enum(Object.keys(rowIssueCatalogue) as [RowIssueCode, ...RowIssueCode[]]),
  /** For contradictions: the framework's row check, which is the kind. */
  check: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  rows: z.array(z.number().int().positive()),
  /** The file of an event table's rows; absent for rows of the case data. */
  source: z.string().optional(),
});
export type MoreRowIssues = z.infer<typeof moreRowIssuesSchema>;

/** A contradiction's kind is the row check that found it; every other issue's is its code. */
export const issueKind = (issue: Pick<RowIssue, 'code' | 'check'>): string => issue.check ?? issue.code;

/** An issue's kind, as an issue beyond the limit is kept: with its row, all of it that is kept. */
export type IssueKind = Pick<RowIssue, 'code' | 'severity' | 'check' | 'source'>;

/** Each event table's issues are its own: counted apart from the case data's, as their rows are another file's. */
const kindOf = (issue: Pick<IssueKind, 'code' | 'check' | 'source'>): string => (issue.source === undefined ? issueKind(issue) : `${issueKind(issue)}\u0000${issue.source}`);

/**
 * The row issues of an import: the first `limit` of each kind in full, the rest by row only, so a million-row
 * export with a systematic problem stays small; `onIssue` still sees every issue in full (the fix list).
 */
export class IssueLog {
  readonly kept: RowIssue[] = [];
  private readonly counts = new Map<string, number>();
  private readonly beyond = new Map<string, MoreRowIssues>();

  constructor(
    private readonly limit = Infinity,
    private readonly onIssue?: (issue: RowIssue) => void,
  ) {}

  /**
   * Whether an issue of this kind would be kept or told in full: when not, it need not be made, only placed
   * (`addBeyond`). A systematic problem in a million-row export is then a million row numbers, not messages.
   */
  wantsInFull(issue: IssueKind): boolean {
    return this.onIssue !== undefined || (this.counts.get(kindOf(issue)) ?? 0) < this.limit;
  }

  add(issue: RowIssue): void {
    const inFull = this.counted(issue) <= this.limit;
    // Kept to the end of the file. `onIssue` (the fix list) makes its line of it at once, and keeps no issue.
    if (inFull) withOwnTexts(issue);
    this.onIssue?.(issue);
    if (inFull) this.kept.push(issue);
    else this.place(issue, issue.row);
  }

  /** An issue `wantsInFull` said need not be made: only where it is, as for every issue beyond the limit. */
  addBeyond(issue: IssueKind, row: number): void {
    this.counted(issue);
    this.place(issue, row);
  }

  private counted(issue: IssueKind): number {
    const kind = kindOf(issue);
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    return count;
  }

  private place(issue: IssueKind, row: number): void {
    const kind = kindOf(issue);
    const more = this.beyond.get(kind) ?? { code: issue.code, ...(issue.check ? { check: issue.check } : {}), severity: issue.severity, rows: [], ...(issue.source === undefined ? {} : { source: issue.source }) };
    more.rows.push(row);
    this.beyond.set(kind, more);
  }

  /**
   * In the order their kinds first went past the limit (ties in one row by kind), however the rows were read:
   * in one pass, or in parts absorbed in order.
   */
  get more(): MoreRowIssues[] {
    return [...this.beyond.entries()].sort(([a, x], [b, y]) => x.rows[0]! - y.rows[0]! || (a < b ? -1 : a > b ? 1 : 0)).map(([, more]) => more);
  }

  /** What the log holds, to be absorbed by the log of the rows before (a part of an export read on another thread). */
  state(): IssueLogState {
    return { kept: this.kept, more: this.more };
  }

  /**
   * Adds the issues of the rows after this log's, as one log over all of them would have them: the first
   * `limit` of each kind in full, the rest by row. `onIssue` is not told of them.
   */
  absorb({ kept, more }: IssueLogState): void {
    for (const issue of kept) {
      if (this.counted(issue) <= this.limit) this.kept.push(issue);
      else this.place(issue, issue.row);
    }
    for (const kind of more) for (const row of kind.rows) this.addBeyond(kind, row);
  }
}

export const issueLogStateSchema = z.object({ kept: z.array(rowIssueSchema), more: z.array(moreRowIssuesSchema) });
export type IssueLogState = z.infer<typeof issueLogStateSchema>;
