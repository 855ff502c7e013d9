import { rowIssue } from '../../../src/engine/cases/rowIssues';
import { csvCell, FixList } from '../../../src/engine/report/fixList';

const textOf = (fixList: FixList) => Buffer.concat(fixList.bytes()).toString('utf8');

describe('FixList', () => {
  it('writes one line per row issue: file, row, Case ID, column, value, problem and what to do', () => {
    const issue = { ...rowIssue('not_a_date', 5, 'Referral date', '31/06/2020', '"31/06/2020" is not a real date.'), caseId: 'C2' };
    const event = { ...rowIssue('unknown_case', 5, 'Case ref', 'C9', 'contacts.csv: Case ref "C9" is not a case in the case data.'), caseId: 'C9', source: 'contacts.csv' };
    const fixList = new FixList();
    fixList.add(issue, 'cases.csv');
    fixList.add(event, 'cases.csv');
    expect(fixList.issues).toBe(2);
    expect(textOf(fixList).split('\r\n')).toEqual([
      '\uFEFFFile,Row,Case ID,Column,Value,Problem,What to do',
      'cases.csv,5,C2,Referral date,31/06/2020,"""31/06/2020"" is not a real date.",Write the date as day/month/year (01/04/2020) or 2020-04-01.',
      'contacts.csv,5,C9,Case ref,C9,"contacts.csv: Case ref ""C9"" is not a case in the case data.","Correct the Case ID, or export the case data and the events for the same cases."',
      '',
    ]);
  });

  it('is the same list made at once, in megabyte pieces, or in parts appended in order', () => {
    const issues = Array.from({ length: 6_000 }, (_, i) => ({ ...rowIssue('unrecognised_category', i + 2, 'District', `Place ${i}`, `"Place ${i}" is not one of the agreed values: ${'x'.repeat(200)}, caf\u00e9.`), caseId: `C${i}` }));
    const atOnce = new FixList();
    for (const issue of issues) atOnce.add(issue, 'cases.csv');
    const inParts = [new FixList(), new FixList(), new FixList()];
    issues.forEach((issue, i) => inParts[Math.floor(i / 2_000)]!.add(issue, 'cases.csv'));
    const joined = inParts[0]!;
    joined.append(inParts[1]!.part());
    joined.append(inParts[2]!.part());
    // Over a megabyte of lines: kept as more than one piece.
    expect(atOnce.bytes().length).toBeGreaterThan(2);
    expect(joined.issues).toBe(6_000);
    expect(textOf(joined)).toBe(textOf(atOnce));
    const lines = textOf(atOnce).split('\r\n');
    expect(lines).toHaveLength(6_000 + 2);
    expect(lines[6_000]).toMatch(/^cases\.csv,6001,C5999,District,Place 5999,"""Place 5999"" is not one of the agreed values: x+, café\.",/);
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
