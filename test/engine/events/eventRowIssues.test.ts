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
    // No channel (counted, in no channel: reported), on Saturday 10 August; no Case ID.
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
    // The first, the one answered without a time on the day of receipt (by calendar day), and the last.
    expect(report.figures['kpi.k1.responded_48h']).toBe(3);
  });

  it('report a response written as a date alone beside a receipt with its time, naming both cells, how it is counted and what to do', () => {
    const alone = own.filter((i) => i.check?.includes('date_alone'));
    expect(alone.map((i) => [i.row, i.caseId, i.column, i.value, i.severity, i.check])).toEqual([[4, 'SS-2', 'Contact received; Responded', '06/08/2024 14:35; 06/08/2024', 'warning', 'responded_date_alone_beside_received']]);
    expect(alone[0]!.message).toBe(
      'contacts.csv: Contact received "06/08/2024 14:35", Responded "06/08/2024": Responded has no time of day, so the hours between it and Contact received are counted by calendar day (the same day as 0 hours, the next as 24) in "KPI 1: of them, responded to within 48 hours", "KPI 2: of them, responded to within 72 hours". Give Responded its time of day, as 03/04/2024 14:35.',
    );
    expect(alone[0]!.fix).toBe('Give Responded its time of day, as 03/04/2024 14:35.');
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
    const blank = own.filter((i) => i.code === 'missing_value' && i.column === 'Case ref');
    expect(blank.map((i) => i.row)).toEqual([7]);
    expect(blank[0]!.message).toBe('contacts.csv: Case ref is blank: this contacts row is counted nowhere until it has one.');
  });

  it('say of a blank required category (a list with no not-stated bucket) which figures leave the contact out, as of a blank date', () => {
    const blank = own.filter((i) => i.code === 'missing_value' && i.column === 'Channel');
    expect(blank.map((i) => [i.row, i.caseId, i.severity])).toEqual([[6, 'SS-2', 'error']]);
    expect(blank[0]!.message).toBe(
      'contacts.csv: Channel is blank: this contacts row is counted in no figure that asks for its Channel ("KPI 32: points of contact by channel"), and still in the others ("KPI 1: weekday contacts (not unsafe to respond)", "KPI 1: of them, responded to within 48 hours", "KPI 2: weekend and bank-holiday contacts (not unsafe to respond)", "KPI 2: of them, responded to within 72 hours").',
    );
    // Counted as the issue says: among the weekend contacts, in no channel.
    expect(report.figures['kpi.k2.weekend_contacts']).toBe(1);
  });
});

describe('a not-stated word in a required category column with no not-stated bucket', () => {
  const activities = tableOf(
    ['Case ref', 'Date', 'Activity'],
    [
      { 'Case ref': 'SS-1', Date: '06/08/2024', Activity: 'Not known' },
      { 'Case ref': 'SS-1', Date: '06/08/2024', Activity: null },
    ],
    'activities.csv',
  );
  const report = tallyTable(cases, framework, period, {}, [{ table: 'activities', rows: activities }]);
  const own = report.rowIssues.filter((i) => i.source === 'activities.csv');

  it('is reported as not one of the list\'s values, saying the row is in no figure that asks for the column', () => {
    expect(own.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'unrecognised_category', 'Activity'], [3, 'missing_value', 'Activity']]);
    expect(own[0]!.message).toMatch(/^activities\.csv: "Not known" is not one of the agreed activity values; this activities row is counted in no figure that asks for its Activity \("KPI 5a: /);
    expect(own[1]!.message).toMatch(/^activities\.csv: Activity is blank: this activities row is counted in no figure that asks for its Activity \("KPI 5a: /);
  });
});

describe('a blank required category on a case row', () => {
  it('goes to the list\'s not-stated bucket, unreported, as case-data.md defines (crime and source: unknown)', () => {
    const cambridgeshire = builtInFramework('cambridgeshire');
    const table = tableOf(['Case ID', 'Referral date', 'Referral source', 'Crime type'], [{ 'Case ID': 'C1', 'Referral date': '01/05/2020', 'Referral source': null, 'Crime type': '' }]);
    const report = tallyTable(table, cambridgeshire, periodFromIso('2020-04-01', '2020-09-30'));
    expect(report.rowIssues).toEqual([]);
    expect([report.figures['referrals.by_source.unknown'], report.figures['referrals.total']]).toEqual([1, 1]);
  });
});
