import { tableRows } from '../../../src/engine/checks/narrativeTableRows';
import { narrativeTableSchema } from '../../../src/frameworks/narrativeTables';

const grants = narrativeTableSchema.parse({
  id: 'grant_payments',
  label: 'Grant payments',
  section: 'narrative',
  columns: [
    { key: 'group', header: 'Community group', type: 'text' },
    { key: 'amount', header: 'Amount', type: 'money' },
    { key: 'paid', header: 'Date paid', type: 'date' },
    { key: 'people', header: 'People reached', type: 'number', optional: true },
  ],
});

describe('the rows of a typed-in table', () => {
  it('reads each cell as its column\'s kind: money in pounds, dates as days, numbers with separators', () => {
    // 45474 is Excel's serial for 1 July 2024.
    const rows = tableRows(grants, [[' Hope Trust ', '£4,999.50', '03/07/2024', '1,200'], ['Survivors Wales', 2500, new Date(Date.UTC(2024, 7, 1)), 40], [null, '75p', 45474, null]]);
    expect(rows.map((r) => Object.values(r.cells).map((c) => c.value))).toEqual([
      ['Hope Trust', 4999.5, '3 Jul 2024', 1200],
      ['Survivors Wales', 2500, '1 Aug 2024', 40],
      [null, 0.75, '1 Jul 2024', null],
    ]);
    expect(rows.flatMap((r) => Object.values(r.cells)).every((c) => c.problem === null)).toBe(true);
  });

  it('skips rows left blank, numbering the rest by their place in the table, and places each cell', () => {
    const rows = tableRows(grants, [[null, '', '  ', null], ['Hope Trust', null, null, null]], (i, j) => `Narrative!${String.fromCharCode(65 + j)}${40 + i}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).toBe(2);
    expect(rows[0]!.cells.amount).toEqual({ value: null, problem: null, at: 'Narrative!B41' });
  });

  it('keeps a value of the wrong kind as typed, saying what is wrong, never reading it as 0', () => {
    const [row] = tableRows(grants, [['Hope Trust', 'lots', '31/06/2024', 'many']]);
    expect(row!.cells.amount).toEqual({ value: 'lots', problem: 'holds "lots", which is not an amount of money' });
    expect(row!.cells.paid!.problem).toMatch(/^holds "31\/06\/2024", which is not a real date/);
    expect(row!.cells.people).toEqual({ value: 'many', problem: 'holds "many", which is not a number' });
  });
});
