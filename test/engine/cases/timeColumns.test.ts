import { builtInFramework } from '../../../src/frameworks/load';
import { dayFromIso } from '../../../src/engine/cases/dates';
import { withTimeOfDay } from '../../../src/engine/cases/dateTimes';
import { importCases } from '../../../src/engine/cases/importCases';
import { tallyCases } from '../../../src/engine/tally/tally';
import { periodFromIso } from '../../../src/engine/tally/period';
import type { RawCell } from '../../../src/engine/cases/rawTable';
import { tableOf } from '../../support/tables';
import { mapHeaders } from '../../../src/engine/cases/headers';

const framework = builtInFramework('west-midlands');
const today = dayFromIso('2016-01-15')!;
const period = periodFromIso('2015-04-01', '2015-06-30');

describe('a date column beside a time column of its own', () => {
  it.each<[RawCell, RawCell, RawCell]>([
    ['03/04/2015', '14:35', '03/04/2015 14:35:00'],
    [' 2015-04-03 ', '2:05 pm', '2015-04-03 14:05:00'],
    ['03/04/2015', '09.30.15', '03/04/2015 09:30:15'],
    // A date that has its time already, or a time cell giving none, leaves the date as it is.
    ['03/04/2015 08:00', '14:35', '03/04/2015 08:00'],
    ['03/04/2015', '', '03/04/2015'],
    ['03/04/2015', null, '03/04/2015'],
    ['03/04/2015', '25:10', '03/04/2015'],
    ['03/04/2015', 'morning', '03/04/2015'],
    ['', '14:35', ''],
    // Workbook cells: a date, and a time-formatted cell (a fraction of a day, or that time on Excel's day 0).
    [new Date(Date.UTC(2015, 3, 3)), new Date(Date.UTC(1899, 11, 30, 14, 35)), new Date(Date.UTC(2015, 3, 3, 14, 35))],
    [42097, 0.25, 42097.25],
  ])('%p with %p reads as %p', (date, time, combined) => {
    expect(withTimeOfDay(date, time)).toEqual(combined);
  });

  const headers = ['Referral ID', 'Referral date', 'Referral time', 'Referral source', 'Converted to case', 'First contact date', 'First contact time'];
  const rows = [
    ['R1', '01/04/2015', '09:00', 'ADT', 'Yes', '02/04/2015', '08:59'],
    ['R2', '01/04/2015', '09:00', 'ADT', 'Yes', '02/04/2015', '09:01'],
    ['R3', '01/04/2015', '23:30', 'ADT', 'Yes', '02/04/2015', '10:00'],
    ['R4', '01/04/2015', '', 'ADT', 'Yes', '02/04/2015', '10:00'],
  ];
  const split = tableOf(headers, rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]!]))));
  const joined = tableOf(
    ['Referral ID', 'Referral date', 'Referral source', 'Converted to case', 'First contact date'],
    rows.map(([id, date, time, source, converted, contact, contactTime]) => ({ 'Referral ID': id!, 'Referral date': `${date} ${time}`.trim(), 'Referral source': source!, 'Converted to case': converted!, 'First contact date': `${contact} ${contactTime}` })),
  );

  it('reads the time column as the date column\'s time of day, with a note, and counts as an export giving them in one column', () => {
    const imported = importCases(split, framework, { today });
    const together = importCases(joined, framework, { today });
    expect(imported.cases.map((c) => [c.values.referral_date, c.values.first_contact_at])).toEqual(together.cases.map((c) => [c.values.referral_date, c.values.first_contact_at]));
    expect(imported.notes.map((n) => n.message)).toEqual(expect.arrayContaining(['"Referral time" is read as the time of day of "Referral date".', '"First contact time" is read as the time of day of "First contact date".']));
    expect(imported.notes.find((n) => n.code === 'ignored_columns')).toBeUndefined();
    const figures = tallyCases(imported.cases, framework, period, imported.absent).figures;
    expect(figures['contact.within_24h']).toBe(tallyCases(together.cases, framework, period, together.absent).figures['contact.within_24h']);
    // R1 (23 h 59) and R3 (10 h 30); R4's referral has no time of day, so the next day counts as 24 hours; R2 is a minute past.
    expect(figures['contact.within_24h']).toBe(3);
  });

  it.each([
    ['Date referred', 'Time of referral'],
    ['Date referred', 'Hour received'],
    ['Referral date', 'Referral Time (24h)'],
    ['ReferralDate', 'ReferralTime'],
    ['DATE_REFERRED', 'TIME_REFERRED'],
    ['Victim referral date', 'Referral time'],
  ])('pairs %p with the time column %p, however the time column is named after it', (dateHeader, timeHeader) => {
    const mapping = mapHeaders(['Referral ID', dateHeader, timeHeader, 'First contact date', 'First contact time'], framework);
    const placed = (key: string) => mapping.placements.find((p) => p.column.key === key);
    expect(placed('referral_date')?.time?.header).toBe(timeHeader);
    expect(placed('first_contact_at')?.time?.header).toBe('First contact time');
    expect(mapping.unpairedTimes).toEqual([]);
  });

  it.each(['Time', 'Time to first contact', 'Response time (hours)', 'Hours of support'])('leaves %p unpaired: no one date column is named by it, or it is a length of time', (timeHeader) => {
    const mapping = mapHeaders(['Referral ID', 'Referral date', timeHeader, 'First contact date'], framework);
    expect(mapping.placements.filter((p) => p.time)).toEqual([]);
    expect(mapping.ignored).toContain(timeHeader);
  });

  it('tells of a time-of-day column it cannot pair, which otherwise reads every time as midnight', () => {
    const table = tableOf(['Referral ID', 'Referral date', 'Time', 'Referral source', 'Converted to case', 'First contact date'], [
      { 'Referral ID': 'R1', 'Referral date': '01/04/2015', Time: '09:00', 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact date': '02/04/2015 08:00' },
    ]);
    const notes = importCases(table, framework, { today }).notes.filter((n) => n.code === 'unpaired_time_column');
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining('"Time" looks like a time of day')]);
  });
});
