import { IssueLog } from '../../engine/cases/issueLog';
import type { TallyReport } from '../../engine/report/tallyReport';

/** Row issues of each kind the page receives in full: it lists the first few and counts the rest. */
export const PAGE_ISSUES_PER_KIND = 50;

/**
 * A fill's tally as sent to the page: every figure, with the row issues beyond the first of each kind by row
 * only. A big export can have thousands of issues, megabytes the page would take long to receive and never shows.
 */
export function tallyForThePage(report: TallyReport): TallyReport {
  const log = new IssueLog(PAGE_ISSUES_PER_KIND);
  for (const issue of report.rowIssues) log.add(issue);
  return { ...report, rowIssues: log.kept, moreRowIssues: [...report.moreRowIssues, ...log.more] };
}
