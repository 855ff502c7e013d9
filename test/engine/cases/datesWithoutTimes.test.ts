import { columnsMeasuredInHours } from '../../../src/engine/cases/datesWithoutTimes';
import { importCases } from '../../../src/engine/cases/importCases';
import type { RawCell } from '../../../src/engine/cases/rawTable';
import { tallyTable } from '../../../src/engine/report/tallyReport';
import { periodFromIso } from '../../../src/engine/tally/period';
import { builtInFramework } from '../../../src/frameworks/load';
import { TIMING_HEADERS, TIMING_ROWS, timingFramework } from '../../fixtures/timingFramework';
import { tableOf } from '../../support/tables';

const HOURS_FIGURES = ['Contacted within 48 hours', 'Contacted after 48 hours', 'Contacted within 48 hours on weekdays, 72 at weekends', 'Mean hours from referral to first contact', 'Mean hours to contact, over a hundred sessions'];
/** The timing rows with a column's date-times cut to their dates (an export of dates alone). */
const datesOnly = (...headers: string[]) => TIMING_ROWS.map((row) => ({ ...row, ...Object.fromEntries(headers.map((h) => [h, dateAlone(row[h] ?? null)])) }));
const dateAlone = (cell: RawCell): RawCell => (typeof cell === 'number' ? Math.floor(cell) : typeof cell === 'string' ? (/^\d{4}-/.test(cell) ? cell.slice(0, 10) : cell.replace(/[ T]\d{1,2}[:.]\d{2}.*$/, '')) : cell);
const notesOf = (rows: Record<string, RawCell>[], headers = TIMING_HEADERS) => importCases(tableOf(headers, rows), timingFramework).notes.filter((n) => n.code === 'dates_without_times').map((n) => n.message);

describe('a date-time column measured in hours that holds dates alone', () => {
  it('is found from the figures: hours durations and hour conditions, not days or weeks or weekdays', () => {
    const measured = columnsMeasuredInHours(timingFramework, null);
    expect([...measured.keys()].sort()).toEqual(['contacted_at', 'referred_at']);
    expect(measured.get('referred_at')!.sort()).toEqual([...HOURS_FIGURES].sort());
  });

  it('gets a note naming the column, the figures it makes wrong and what to do', () => {
    expect(notesOf(datesOnly('Referred at'))).toEqual([
      '"Referred at" has no time of day in any of its 11 dates, so the hours measured from or to it are not exact (a condition such as "within 48 hours" counts them by calendar day, a mean time in hours from midnight, 00:00), and so neither are these figures: Contacted within 48 hours; Contacted after 48 hours; Contacted within 48 hours on weekdays, 72 at weekends; Mean hours from referral to first contact and 1 more. Export the column with its time (03/04/2024 14:35) and read the data again.',
    ]);
    expect(notesOf(datesOnly('Referred at', 'First contact at')).map((m) => m.slice(0, m.indexOf(' has')))).toEqual(['"Referred at"', '"First contact at"']);
  });

  it('gets none when some of its dates have a time, when it is blank throughout, or when the export lacks it', () => {
    // T7 gives dates alone, the other rows their times.
    expect(notesOf(TIMING_ROWS)).toEqual([]);
    expect(notesOf(TIMING_ROWS.map((row) => ({ ...row, 'First contact at': null })))).toEqual([]);
    expect(notesOf(TIMING_ROWS, TIMING_HEADERS.filter((h) => h !== 'First contact at'))).toEqual([]);
  });

  it('is told of an event table by its file, in the tally\'s notes', () => {
    const framework = builtInFramework('safe-spaces');
    const cases = tableOf(['Case ref', 'Date opened'], [{ 'Case ref': 'SS-1', 'Date opened': '01/07/2024' }], 'cases.csv');
    const contacts = (responded: string) => tableOf(['Case ref', 'Contact received', 'Responded', 'Channel'], [{ 'Case ref': 'SS-1', 'Contact received': '02/09/2024 10:00', Responded: responded, Channel: 'Email' }, { 'Case ref': 'SS-1', 'Contact received': '03/09/2024 09:30', Responded: responded, Channel: 'Phone' }], 'contacts.csv');
    const notes = (responded: string) => tallyTable(cases, framework, periodFromIso('2024-07-01', '2024-09-30'), {}, [{ table: 'contacts', rows: contacts(responded) }]).notes.filter((n) => n.code === 'dates_without_times').map((n) => n.message);
    expect(notes('04/09/2024')).toEqual([expect.stringMatching(/^contacts\.csv: "Responded" has no time of day in any of its 2 dates, so the hours measured from or to it are not exact [^]*KPI 2: of them, responded to within 72 hours/)]);
    expect(notes('04/09/2024 11:00')).toEqual([]);
  });
});
