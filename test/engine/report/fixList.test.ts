import { rowIssue } from '../../../src/engine/cases/rowIssues';
import { csvCell, fixListCsv } from '../../../src/engine/report/fixList';

describe('fixListCsv', () => {
  it('writes one line per row issue: file, row, Case ID, column, value, problem and what to do', () => {
    const issue = { ...rowIssue('not_a_date', 5, 'Referral date', '31/06/2020', '"31/06/2020" is not a real date.'), caseId: 'C2' };
    const event = { ...rowIssue('unknown_case', 5, 'Case ref', 'C9', 'contacts.csv: Case ref "C9" is not a case in the case data.'), caseId: 'C9', source: 'contacts.csv' };
    expect(fixListCsv([issue, event], 'cases.csv').split('\r\n')).toEqual([
      '\uFEFFFile,Row,Case ID,Column,Value,Problem,What to do',
      'cases.csv,5,C2,Referral date,31/06/2020,"""31/06/2020"" is not a real date.",Write the date as day/month/year (01/04/2020) or 2020-04-01.',
      'contacts.csv,5,C9,Case ref,C9,"contacts.csv: Case ref ""C9"" is not a case in the case data.","Correct the Case ID, or export the case data and the events for the same cases."',
      '',
    ]);
  });

  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+44 1223', "'+44 1223"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['Self, online', '"Self, online"'],
    ['Plain text', 'Plain text'],
  ])('never lets a spreadsheet run %j as a formula', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});
