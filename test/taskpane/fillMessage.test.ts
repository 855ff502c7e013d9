import { tallyReportSchema } from '../../src/engine/report/tallyReport';
import { fillMessage } from '../../src/taskpane/usePaneState';

const issue = (row: number) => ({ severity: 'error', code: 'unrecognised_category', row, column: 'Channel', value: 'Pigeon', message: 'Not a channel.', fix: 'Use one of the channels.' });
const report = (extra: object) => tallyReportSchema.parse({ framework: 'safe-spaces', period: { from: '2025-04-01', to: '2025-06-30' }, figures: { a: 1, b: 2 }, cases: { rows: 30, notCounted: 0 }, ...extra });

describe('the message after a fill', () => {
  it('counts row issues as the case data\'s when no event table was given', () => {
    expect(fillMessage('r.xlsx', report({ rowIssues: [issue(2), issue(3)] }))).toBe('Filled r.xlsx: 2 figures from 30 case rows; the case data has 2 row issues (listed below). Check it next.');
  });

  it('says the event tables share them when event rows were given, and a single issue is one', () => {
    const events = [{ table: 'contacts', source: 'contacts.csv', rows: 12, notCounted: 1 }];
    expect(fillMessage('r.xlsx', report({ rowIssues: [issue(4)], events }))).toBe('Filled r.xlsx: 2 figures from 30 case rows; the case data and its event tables have 1 row issue (listed below). Check it next.');
  });

  it('names how many figures a missing column left blank', () => {
    expect(fillMessage('r.xlsx', report({ blanked: { a: ['answered_at'] } }))).toMatch(/ 1 figure is left blank: the export lacks a column it needs\. Check it next\.$/);
  });
});
