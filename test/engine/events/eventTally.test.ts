import data from '../../fixtures/events-framework.json';
import { CASE_HEADERS, CASES, CASES_OTHER_SPELLINGS, CONTACT_HEADERS, CONTACTS, CONTACTS_OTHER_SPELLINGS } from '../../fixtures/eventCases';
import { tableOf } from '../../support/tables';
import { parseFramework } from '../../../src/frameworks/load';
import { figuresOf } from '../../../src/frameworks/expand';
import { tallyTable } from '../../../src/engine/report/tallyReport';
import { tableRows, tallyIntoCaseSheets } from '../../../src/commands/caseRows';
import { XlsxWorkbook } from '../../../src/workbook/xlsxWorkbook';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { EventTally } from '../../../src/engine/tally/eventTally';
import { importCases } from '../../../src/engine/cases/importCases';
import { eventImporter } from '../../../src/engine/events/eventImport';
import { feedRows } from '../../../src/engine/cases/importCases';
import { periodFromIso } from '../../../src/engine/tally/period';

const framework = parseFramework(data, 'events-framework.json');
const period = periodFromIso('2024-01-01', '2024-03-31');
const cases = tableOf(CASE_HEADERS, CASES);
const contacts = tableOf(CONTACT_HEADERS, CONTACTS, 'contacts.csv');

describe('event figures', () => {
  const report = tallyTable(cases, framework, period, {}, [{ table: 'contacts', rows: contacts }]);

  it('count the period\'s events of known cases, by their own columns, once each', () => {
    // K1 K3 K7 by phone (K5 before the period, K8 of no case, K9 undated); K2 K6 by email (the second K2 repeated); K4 by letter.
    expect(report.figures['contacts.by_channel.phone']).toBe(3);
    expect(report.figures['contacts.by_channel.email']).toBe(2);
    expect(report.figures['contacts.by_channel.letter']).toBe(1);
    expect(report.figures['contacts.total']).toBe(6); // K10 has no channel
    expect(report.figures['contacts.safe']).toBe(6);
  });

  it('count each case with at least one matching event once, with case conditions', () => {
    expect(report.figures['victims.by_service.counselling']).toBe(4); // C1 (twice), C2, C3, C*4
    expect(report.figures['victims.by_service.advocacy']).toBe(2); // C1, C14 (K10)
    expect(report.figures['victims.female_counselled']).toBe(3); // C1, C3, C*4 referred in the period; C2 is male and older
    expect(report.figures['victims.contacted']).toBe(3); // C1, C3, C*4; C2 by letter only, C14's phone contact undated
  });

  it('test an event\'s own timings: answered within 48 hours of a weekday contact, a weekend contact', () => {
    expect(report.figures['contacts.weekday_answered_48h']).toBe(2); // K2 in 47 hours, K7 in exactly 48; K3 unsafe, K4 in 49
    expect(report.figures['victims.weekend_contact']).toBe(2); // C1 on a Saturday, C3 on a Sunday
  });

  it('report an event of no case, a repeated event and a bad value with the file, row and column as the file heads it', () => {
    const own = report.rowIssues.filter((i) => i.source === 'contacts.csv');
    expect(own.map((i) => [i.code, i.row, i.column, i.caseId])).toEqual([
      ['not_a_date', 11, 'Date', 'C14'],
      ['duplicate_event', 10, 'Contact ID', 'C1'],
      ['unknown_case', 9, 'Case ref', 'C99'],
    ]);
    expect(own.find((i) => i.code === 'unknown_case')!.message).toBe(
      'contacts.csv: Case ref "C99" is not a case in the case data, so this contacts row is counted nowhere. Correct the Case ID, or export the cases and the contacts for the same period and service.',
    );
    const renamed = tallyTable(cases, framework, period, {}, [{ table: 'contacts', rows: tableOf(CONTACT_HEADERS.map((h) => (h === 'Contact ID' ? 'CONTACT ID' : h)), CONTACTS.map(({ 'Contact ID': id, ...rest }) => ({ ...rest, 'CONTACT ID': id ?? null })), 'contacts.csv') }]);
    expect(renamed.rowIssues.find((i) => i.code === 'duplicate_event')).toMatchObject({ column: 'CONTACT ID', message: expect.stringMatching(/^contacts\.csv: CONTACT ID "K2" is also on row 3: this row is not counted/) });
    expect(own[0]!.message.startsWith('contacts.csv: ')).toBe(true);
    expect(report.events).toEqual([{ table: 'contacts', source: 'contacts.csv', rows: 11, notCounted: 2 }]);
  });

  it('come out the same when the events are read before the cases', () => {
    const tally = new EventTally(framework, period);
    tally.given('contacts', 'contacts.csv');
    feedRows(contacts.rows, eventImporter(contacts, framework, 'contacts', {}, (r) => tally.addEvent('contacts', r)), 'reading', {});
    for (const record of importCases(cases, framework).cases) tally.addCase(record);
    const eventIds = figuresOf(framework).filter((f) => f.template.kind.startsWith('event_')).map((f) => f.id);
    const result = tally.result();
    for (const id of eventIds) expect([id, result.figures[id]]).toEqual([id, report.figures[id]]);
  });

  it('are blank, with a note saying which table to give, when no event table is given', () => {
    const without = tallyTable(cases, framework, period);
    expect(without.figures['contacts.by_channel.phone']).toBeNull();
    expect(without.figures['contacts.total']).toBeNull();
    expect(without.figures['cases.new']).toBe(4);
    expect(without.notes.map((n) => n.code)).toContain('no_events');
  });

  it('join an event to its case whatever the letter case or spaces around its Case ID, as the spreadsheet\'s lookups do', () => {
    const spelt = tallyTable(tableOf(CASE_HEADERS, CASES_OTHER_SPELLINGS), framework, period, {}, [{ table: 'contacts', rows: tableOf(CONTACT_HEADERS, CONTACTS_OTHER_SPELLINGS, 'contacts.csv') }]);
    expect(spelt.figures).toEqual(report.figures);
    expect(spelt.rowIssues.filter((i) => i.code === 'unknown_case').map((i) => i.caseId)).toEqual(['c99']);
    // " c3 " repeats C3: one case, counted once.
    expect(spelt.rowIssues.filter((i) => i.code === 'duplicate_case_id').map((i) => i.row)).toEqual([7, 8]);
  });

  it('are blank, not 0, when the event table lacks a column they read, with a note naming it', () => {
    const headers = CONTACT_HEADERS.filter((h) => h !== 'Answered at');
    const without = tallyTable(cases, framework, period, {}, [{ table: 'contacts', rows: tableOf(headers, CONTACTS, 'contacts.csv') }]);
    expect(without.figures['contacts.weekday_answered_48h']).toBeNull();
    expect(without.blanked['contacts.weekday_answered_48h']).toEqual(['contacts.answered_at']);
    expect(without.figures['contacts.by_channel.phone']).toBe(3);
    // The note names the event table and its file, not the case data.
    expect(without.notes.find((n) => n.code === 'blank_figures')!.message).toMatch(/^The Contacts table \(contacts\.csv\) has no "Answered at" column: this figure is left blank, not 0: Weekday contacts answered within 48 hours\./);
  });

  it('are 0 when the table is given with no rows', () => {
    const empty = tallyTable(cases, framework, period, {}, [{ table: 'contacts', rows: tableOf(CONTACT_HEADERS, [], 'contacts.csv') }]);
    expect(empty.figures['contacts.by_channel.phone']).toBe(0);
    expect(empty.figures['victims.contacted']).toBe(0);
  });

  it('stop with a clear message when the event table lacks a required column', () => {
    const noDate = tableOf(['Case ID', 'Channel'], [{ 'Case ID': 'C1', Channel: 'Phone' }], 'contacts.csv');
    expect(() => tallyTable(cases, framework, period, {}, [{ table: 'contacts', rows: noDate }])).toThrow(/contacts\.csv: the header row \(row 1\) has no column for "Contact date"/);
  });

  it('name the cases behind them', async () => {
    // The events that count, as a fill reads them for their sheets.
    const filled = await tallyIntoCaseSheets(XlsxWorkbook.create(), tableRows(cases), framework, period, {}, [{ table: 'contacts', rows: contacts }]);
    const events = { contacts: filled.events[0]!.counted };
    const byId = new Map(figuresOf(framework).map((f) => [f.id, f]));
    const behind = (id: string) => casesBehind(byId.get(id)!, importCases(cases, framework).cases, framework, period, events).map((c) => c.id);
    expect(behind('victims.female_counselled')).toEqual(['C1', 'C3', 'C*4']);
    expect(behind('contacts.by_channel.phone')).toEqual(['C1', 'C*4']);
    expect(filled.events[0]!.counted.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 11, 12]);
  });
});
