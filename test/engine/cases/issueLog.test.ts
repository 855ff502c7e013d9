import { IssueLog } from '../../../src/engine/cases/issueLog';
import { rowIssue } from '../../../src/engine/cases/rowIssues';

describe('IssueLog', () => {
  const issue = (code: 'missing_value' | 'contradiction', row: number, check?: string) =>
    rowIssue(code, row, 'Column', 'value', 'message', check ? { check } : {});

  it('keeps the first issues of each kind in full and the rest by row, and tells onIssue about every one', () => {
    const told: number[] = [];
    const log = new IssueLog(2, (i) => told.push(i.row));
    for (let row = 2; row <= 6; row++) log.add(issue('missing_value', row));
    log.add(issue('contradiction', 7, 'exit_before_contact'));
    log.add(issue('contradiction', 8, 'withdrew_without_support'));
    log.add(issue('contradiction', 9, 'exit_before_contact'));
    log.add(issue('contradiction', 10, 'exit_before_contact'));
    expect(log.kept.map((i) => i.row)).toEqual([2, 3, 7, 8, 9]);
    expect(log.more).toEqual([
      { code: 'missing_value', severity: 'error', rows: [4, 5, 6] },
      { code: 'contradiction', check: 'exit_before_contact', severity: 'error', rows: [10] },
    ]);
    expect(told).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("counts each event table's issues apart from the case data's, the rest of each named by its file", () => {
    const log = new IssueLog(1);
    const from = (row: number, source?: string) => Object.assign(issue('missing_value', row), source ? { source } : {});
    [from(2), from(3), from(2, 'contacts.csv'), from(3, 'contacts.csv'), from(4, 'contacts.csv'), from(5)].forEach((i) => log.add(i));
    expect(log.kept.map((i) => [i.source, i.row])).toEqual([[undefined, 2], ['contacts.csv', 2]]);
    expect(log.more).toEqual([
      { code: 'missing_value', severity: 'error', rows: [3, 5] },
      { code: 'missing_value', severity: 'error', rows: [3, 4], source: 'contacts.csv' },
    ]);
  });

  it('keeps every issue without a limit', () => {
    const log = new IssueLog();
    for (let row = 2; row <= 2000; row++) log.add(issue('missing_value', row));
    expect(log.kept).toHaveLength(1999);
    expect(log.more).toEqual([]);
  });

  it('wants an issue in full until its kind reaches the limit (always when told every one), and places the rest by row', () => {
    const log = new IssueLog(1);
    const told = new IssueLog(1, () => undefined);
    const kind = { code: 'missing_value', severity: 'error' } as const;
    expect(log.wantsInFull(kind)).toBe(true);
    log.add(issue('missing_value', 2));
    told.add(issue('missing_value', 2));
    expect(log.wantsInFull(kind)).toBe(false);
    expect(log.wantsInFull({ code: 'contradiction', severity: 'error', check: 'exit_before_contact' })).toBe(true);
    expect(told.wantsInFull(kind)).toBe(true);
    log.addBeyond(kind, 3);
    log.add(issue('missing_value', 4));
    expect(log.kept.map((i) => i.row)).toEqual([2]);
    expect(log.more).toEqual([{ code: 'missing_value', severity: 'error', rows: [3, 4] }]);
  });
});

