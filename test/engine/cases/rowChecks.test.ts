import { importCases } from '../../../src/engine/cases/importCases';
import { parseFramework, builtInFramework } from '../../../src/frameworks/load';
import { timingFramework, TIMING_HEADERS } from '../../fixtures/timingFramework';
import { tableOf } from '../../support/tables';

const westMidlands = builtInFramework('west-midlands');
const WM_HEADERS = ['Referral ID', 'Referral date', 'Referral source', 'Converted to case', 'First contact'];
const wmRow = (id: string, referral: string, contact: string) => ({ 'Referral ID': id, 'Referral date': referral, 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact': contact });

describe('a row check that one date is not before another', () => {
  const { issues } = importCases(
    tableOf(WM_HEADERS, [
      wmRow('W1', '03/04/2015 14:35', '03/04/2015 09:00'),
      wmRow('W2', '03/04/2015 14:35', '03/04/2015'),
      wmRow('W3', '03/04/2015 14:35', '03/04/2015 14:35'),
      wmRow('W4', '03/04/2015', '02/04/2015 23:00'),
    ]),
    westMidlands,
  );
  const before = issues.filter((i) => i.check === 'contact_before_referral');

  it('compares to the second when both values carry a time, by calendar day when either is a date alone', () => {
    expect(before.map((i) => [i.row, i.caseId])).toEqual([
      [2, 'W1'],
      [5, 'W4'],
    ]);
    expect(before[0]!.message).toContain('Referral date "03/04/2015 14:35", First contact "03/04/2015 09:00": the first contact is dated before the referral arrived');
  });
});

describe('a row check over workbook date-and-time cells', () => {
  it('shows each value with its time of day, so the order it reports can be seen', () => {
    const table = {
      source: 'cases.xlsx, sheet "Cases"',
      rows: [
        { number: 1, cells: WM_HEADERS },
        { number: 2, cells: ['W1', new Date(Date.UTC(2015, 3, 3, 14, 35)), 'ADT', 'Yes', new Date(Date.UTC(2015, 3, 3, 9, 0, 30))] },
      ],
    };
    const [issue] = importCases(table, westMidlands).issues.filter((i) => i.check === 'contact_before_referral');
    expect(issue!.message).toContain('Referral date "2015-04-03 14:35", First contact "2015-04-03 09:00:30"');
  });
});

describe('the referral and exit dates in order', () => {
  // Both dates carry a time of day in this return.
  const framework = parseFramework(
    {
      ...structuredClone(timingFramework),
      columns: timingFramework.columns.map((c) => (c.key === 'exit_date' ? { ...c, type: 'datetime' as const } : c)),
      caseDates: { referral: 'referred_at', exit: 'exit_date' },
    },
    'timings with an exit time',
  );
  const row = (id: string, exit: string) => ({ 'Case ID': id, 'Referral date': '03/04/2024', 'Referred at': '03/04/2024 14:35', 'Exit date': exit });
  const { issues } = importCases(tableOf(TIMING_HEADERS, [row('X1', '03/04/2024 09:00'), row('X2', '03/04/2024'), row('X3', '03/04/2024 14:36')]), framework);
  const outOfOrder = issues.filter((i) => i.code === 'dates_out_of_order');

  it('are compared to the second when both carry a time, by calendar day when the exit is a date alone', () => {
    expect(outOfOrder.map((i) => [i.row, i.column, i.value])).toEqual([[2, 'Exit date', '3 Apr 2024 09:00']]);
    expect(outOfOrder[0]!.message).toBe('Exit date 3 Apr 2024 09:00 is before Referred at 3 Apr 2024 14:35; the case is counted by its dates as given. Correct whichever date is wrong.');
  });
});
