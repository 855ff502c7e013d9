import { sampleCsv } from '../../../scripts/sample/sampleCsv';
import { issueKind } from '../../../src/engine/cases/issueLog';
import { rowIssueCount, tallyTable } from '../../../src/engine/report/tallyReport';
import { periodFromIso } from '../../../src/engine/tally/period';
import { builtInFramework } from '../../../src/frameworks/load';
import { readDelimited } from '../../../src/tables/readDelimited';
import { caseRowCount } from '../../../src/taskpane/caseSource';
import { PAGE_ISSUES_PER_KIND, tallyForThePage } from '../../../src/taskpane/worker/tallyForThePage';

describe('the tally as sent to the page', () => {
  it('keeps every figure and the count of row issues, with the first of each kind in full and the rest by row', () => {
    const table = readDelimited(sampleCsv().replace(/^\uFEFF/, ''), 'sample.csv');
    const report = tallyTable(table, builtInFramework('cambridgeshire'), periodFromIso('2020-04-01', '2021-03-31'));
    const sent = tallyForThePage(structuredClone(report));
    expect(sent.figures).toEqual(report.figures);
    expect(rowIssueCount(sent)).toBe(rowIssueCount(report));
    expect(rowIssueCount(sent, 'error')).toBe(rowIssueCount(report, 'error'));
    const perKind = new Map<string, number>();
    for (const issue of sent.rowIssues) perKind.set(issueKind(issue), (perKind.get(issueKind(issue)) ?? 0) + 1);
    expect(Math.max(...perKind.values())).toBeLessThanOrEqual(PAGE_ISSUES_PER_KIND);
    // The sample has more issues of some kind than are sent in full, so the folding is exercised.
    expect(sent.rowIssues.length).toBeLessThan(report.rowIssues.length);
  });

  it('counts case rows without the blank record a last line break leaves', () => {
    expect(caseRowCount(readDelimited('Case ID,Referral date\r\nA,01/04/2020\r\nB,02/04/2020\r\n', 'cases.csv'))).toBe(2);
  });
});
