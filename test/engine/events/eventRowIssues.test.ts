import { builtInFramework } from '../../../src/frameworks/load';
import { tallyTable } from '../../../src/engine/report/tallyReport';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('safe-spaces');
const period = periodFromIso('2024-07-01', '2024-09-30');
const cases = tableOf(['Case ref', 'Date opened'], [{ 'Case ref': 'SS-1', 'Date opened': '01/07/2024' }, { 'Case ref': 'SS-2', 'Date opened': '02/07/2024' }], 'cases.csv');
const CONTACT_HEADERS = ['Case ref', 'Contact received', 'Responded', 'Channel', 'Unsafe to respond'];
// Tuesday 6 August 2024.
const contacts = tableOf(
  CONTACT_HEADERS,
  [
    { 'Case ref': 'SS-1', 'Contact received': '06/08/2024 14:35', Responded: '06/08/2024 15:00', Channel: 'Email', 'Unsafe to respond': 'No' },
    // Answered before it was received, the same day.
    { 'Case ref': 'SS-1', 'Contact received': '06/08/2024 14:35', Responded: '06/08/2024 09:00', Channel: 'Phone', 'Unsafe to respond': 'No' },
    // A response written without a time, on the day of receipt: not before it.
    { 'Case ref': 'SS-2', 'Contact received': '06/08/2024 14:35', Responded: '06/08/2024', Channel: 'Email', 'Unsafe to respond': 'No' },
    // A channel not in the list.
    { 'Case ref': 'SS-2', 'Contact received': '07/08/2024 10:00', Responded: '07/08/2024 11:00', Channel: 'Carrier pigeon', 'Unsafe to respond': 'No' },
    // No channel (counted, in no channel), on Saturday 10 August; no Case ID.
    { 'Case ref': 'SS-2', 'Contact received': '10/08/2024 10:00', Responded: '10/08/2024 11:00', Channel: null, 'Unsafe to respond': 'No' },
    { 'Case ref': null, 'Contact received': '10/08/2024 10:00', Responded: '10/08/2024 11:00', Channel: 'Email', 'Unsafe to respond': 'No' },
  ],
  'contacts.csv',
);

describe('event rows checked as case rows are', () => {
  const report = tallyTable(cases, framework, period, {}, [{ table: 'contacts', rows: contacts }]);
  const own = report.rowIssues.filter((i) => i.source === 'contacts.csv');

  it('report a contact answered before it was received, naming the file, row, Case ID and columns, and what to do', () => {
    const before = own.filter((i) => i.check === 'responded_before_received');
    expect(before.map((i) => [i.row, i.caseId, i.column, i.severity])).toEqual([[3, 'SS-1', 'Contact received; Responded', 'warning']]);
    expect(before[0]!.message).toBe(
      'contacts.csv: Contact received "06/08/2024 14:35", Responded "06/08/2024 09:00": the response is dated before the contact was received, so the contact is not counted as responded to within 48 hours (KPI 1) or 72 hours (KPI 2), though it is still counted among the contacts. Correct the Contact received or the Responded date and time.',
    );
    expect(before[0]!.fix).toBe('Correct the Contact received or the Responded date and time.');
  });

  it('count such a contact as the issue says: among the contacts, not among those responded to in time', () => {
    expect(report.figures['kpi.k1.weekday_contacts']).toBe(4);
    // The response at 00:00 on the day of receipt is before 14:35 too: only the first and the last are within 48 hours.
    expect(report.figures['kpi.k1.responded_48h']).toBe(2);
  });

  it('say of a channel not in the list which figures leave the contact out and which still count it', () => {
    const channel = own.find((i) => i.code === 'unrecognised_category')!;
    expect([channel.row, channel.caseId, channel.column]).toEqual([5, 'SS-2', 'Channel']);
    expect(channel.message).toContain(
      'contacts.csv: "Carrier pigeon" is not one of the agreed contact channel values; this contacts row is counted in no figure that asks for its Channel ("KPI 32: points of contact by channel"), and still in the others ("KPI 1: weekday contacts (not unsafe to respond)", "KPI 1: of them, responded to within 48 hours", "KPI 2: weekend and bank-holiday contacts (not unsafe to respond)", "KPI 2: of them, responded to within 72 hours"). Accepted: ',
    );
    expect(report.figures['kpi.k1.weekday_contacts']).toBe(4);
    expect(report.figures['kpi.k2.weekend_contacts']).toBe(1);
    expect(Object.entries(report.figures).filter(([id]) => id.startsWith('kpi.k32.by_channel.')).reduce((sum, [, n]) => sum + (n ?? 0), 0)).toBe(3);
  });

  it('say of a blank Case ID that the contact counts nowhere', () => {
    const blank = own.filter((i) => i.code === 'missing_value');
    expect(blank.map((i) => [i.row, i.column])).toEqual([[7, 'Case ref']]);
    expect(blank[0]!.message).toBe('contacts.csv: Case ref is blank: this contacts row is counted nowhere until it has one.');
  });
});
