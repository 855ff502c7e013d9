import { formatTallyReport } from '../../src/cli/formatTallyReport';
import { rowIssue } from '../../src/engine/cases/rowIssues';
import type { TallyReport } from '../../src/engine/report/tallyReport';
import { builtInFramework } from '../../src/frameworks/load';

describe('the tally as the command line prints it', () => {
  it("counts a kind of row issue over the case data and each event table, the ones beyond those shown included", () => {
    const report: TallyReport = {
      framework: 'cambridgeshire',
      period: { from: '2020-04-01', to: '2020-09-30' },
      figures: {},
      blanked: {},
      rowIssues: [rowIssue('missing_value', 2, 'Referral date', '', 'Referral date is blank.')],
      moreRowIssues: [
        { code: 'missing_value', severity: 'error', rows: [3, 4] },
        { code: 'missing_value', severity: 'error', rows: [5], source: 'contacts.csv' },
      ],
      notes: [],
      lists: {},
    };
    expect(formatTallyReport(report, builtInFramework('cambridgeshire'), { all: false })).toContain('Required value is blank (error): 4 rows');
  });
});
