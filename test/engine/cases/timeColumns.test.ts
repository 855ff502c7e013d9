import { builtInFramework } from '../../../src/frameworks/load';
import { dayFromIso } from '../../../src/engine/cases/dates';
import { withTimeOfDay } from '../../../src/engine/cases/dateTimes';
import { importCases } from '../../../src/engine/cases/importCases';
import { tallyCases } from '../../../src/engine/tally/tally';
import { periodFromIso } from '../../../src/engine/tally/period';
import type { RawCell } from '../../../src/engine/cases/rawTable';
import { tableOf } from '../../support/tables';

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
});
