import data from '../fixtures/events-framework.json';
import { CASE_HEADERS, CASES, CASES_OTHER_SPELLINGS, CONTACT_HEADERS, CONTACTS, CONTACTS_OTHER_SPELLINGS } from '../fixtures/eventCases';
import { tableOf } from '../support/tables';
import { recalculateInLibreOffice } from '../support/libreoffice';
import { fillReturn } from '../../src/commands/fillReturn';
import { prepareSubmission } from '../../src/commands/prepareSubmission';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { eventDataSheet, eventsSheet } from '../../src/commands/returnLayout';
import { builtInFramework, parseFramework } from '../../src/frameworks/load';
import { CASE_ROWS, CONTACT_ROWS, SAFE_SPACES_PERIOD } from '../fixtures/safeSpacesRows';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

/** Event figures as live formulas: a real spreadsheet engine recalculating them gives the tally's figures. */
const framework = parseFramework(data, 'events-framework.json');
const period = periodFromIso('2024-01-01', '2024-03-31');
jest.setTimeout(240_000);

async function filled(cases = CASES, contacts = CONTACTS) {
  const workbook = XlsxWorkbook.create();
  const { report } = await fillReturn(workbook, { framework, period, table: tableOf(CASE_HEADERS, cases), events: [{ table: 'contacts', rows: tableOf(CONTACT_HEADERS, contacts, 'contacts.csv') }] });
  return { workbook, report };
}

/** Each figure the tally gave, against the value LibreOffice recalculates in its named cell. */
async function recalculatedMismatches(workbook: XlsxWorkbook, figures: Record<string, number | null>): Promise<{ ids: string[]; mismatches: string[] }> {
  const recalculated = await XlsxWorkbook.fromBytes(recalculateInLibreOffice(await workbook.toBytes()), 'recalculated.xlsx');
  const ids = Object.keys(figures).filter((id) => figures[id] !== null);
  const after = new Map((await recalculated.names()).map((n) => [n.name, n]));
  const values = await recalculated.read(ids.map((id) => after.get(id)!));
  return { ids, mismatches: ids.flatMap((id, i) => (values[i]![0]![0] === figures[id] ? [] : [`${id}: tally ${figures[id]}, LibreOffice ${String(values[i]![0]![0])}`])) };
}

describe('a return filled with an event table', () => {
  it('holds the counted events in their own sheet, and each event figure as a formula LibreOffice recalculates to the tally', async () => {
    const { workbook, report } = await filled();
    expect(await workbook.sheetNames()).toEqual(expect.arrayContaining([eventDataSheet('contacts'), eventsSheet('contacts')]));
    const rows = await workbook.readUsed(eventsSheet('contacts'));
    expect(rows.map((r) => r.cells[0])).toEqual(['Row in contacts.csv', 2, 3, 4, 5, 6, 7, 8, 11, 12]);
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    const formula = (id: string) => workbook.formulas([{ sheet: names.get(id)!.sheet, cell: names.get(id)!.range }]).then((f) => f[0]);
    expect(await formula('contacts.by_channel.phone')).toMatch(/COUNTIFS\(event\.contacts\.contact_date/);
    expect(await formula('victims.female_counselled')).toMatch(/COUNTIFS\(case_events\.victims\.female_counselled,">0"/);

    const { ids, mismatches } = await recalculatedMismatches(workbook, report.figures);
    expect(ids.length).toBeGreaterThan(8);
    expect(mismatches).toEqual([]);
  });

  it('joins events to cases whose Case IDs differ only by letter case or spaces as LibreOffice\'s COUNTIFS does, the tally and the recalculation agreeing', async () => {
    const original = await filled();
    const { workbook, report } = await filled(CASES_OTHER_SPELLINGS, CONTACTS_OTHER_SPELLINGS);
    expect(report.figures).toEqual(original.report.figures);
    const { ids, mismatches } = await recalculatedMismatches(workbook, report.figures);
    expect(ids.length).toBeGreaterThan(8);
    expect(mismatches).toEqual([]);
  });

  it('notes on a figure left blank for a column the event table lacks that table and its file, not the case data', async () => {
    const workbook = XlsxWorkbook.create();
    const headers = CONTACT_HEADERS.filter((h) => h !== 'Answered at');
    await fillReturn(workbook, { framework, period, table: tableOf(CASE_HEADERS, CASES), events: [{ table: 'contacts', rows: tableOf(headers, CONTACTS, 'calls-export.csv') }] });
    const place = (await workbook.names()).find((n) => n.name === 'contacts.weekday_answered_48h')!;
    const [look] = await workbook.looks([{ sheet: place.sheet, cell: place.range }]);
    expect(look!.note).toMatch(/^The Contacts table \(calls-export\.csv\) has no "Answered at" column, so this figure is left blank rather than 0\./);
  });

  it('reconciles an event figure typed over its formula with the event rows the workbook holds, naming the cases behind it', async () => {
    const { workbook } = await filled();
    const place = (await workbook.names()).find((n) => n.name === 'contacts.by_channel.phone')!;
    await workbook.apply([{ op: 'write', sheet: place.sheet, at: place.range, rows: [[5]] }]);
    const { findings } = await checkWorkbook(workbook, 'return.xlsx', { frameworkFor: () => framework });
    const differs = findings.filter((f) => f.code === 'typed_differs_from_cases');
    expect(differs.map((f) => [f.figures, f.params.expected, f.cases])).toEqual([[['contacts.by_channel.phone'], 3, ['C1', 'C*4']]]);
  });

  it('leaves the figures of an event table it was not given open for typing, with no formula', async () => {
    const workbook = XlsxWorkbook.create();
    const { report } = await fillReturn(workbook, { framework, period, table: tableOf(CASE_HEADERS, CASES) });
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    const place = (id: string) => ({ sheet: names.get(id)!.sheet, cell: names.get(id)!.range });
    expect(await workbook.formulas([place('contacts.by_channel.phone'), place('contacts.total'), place('cases.new')])).toEqual([null, null, expect.stringMatching(/^COUNTIFS/)]);
    expect(report.figures['contacts.total']).toBeNull();
  });

  it('loses its event sheets, and every name into them, in the copy sent to the commissioner', async () => {
    const { workbook } = await filled();
    const result = await prepareSubmission(workbook, 'return.xlsx', () => framework);
    expect(result.removedSheets).toEqual(expect.arrayContaining([eventDataSheet('contacts'), eventsSheet('contacts')]));
    const sheets = await workbook.sheetNames();
    expect(sheets).not.toContain(eventsSheet('contacts'));
    expect(sheets).not.toContain(eventDataSheet('contacts'));
    expect((await workbook.names()).filter((n) => n.name.startsWith('event.') || n.name.startsWith('case_events.'))).toEqual([]);
  });
});

describe('Safe Spaces contacts answered with a date alone', () => {
  it('count as the tally does once LibreOffice recalculates: a response without its time on the day of receipt within 48 hours, three days on not', async () => {
    const safeSpaces = builtInFramework('safe-spaces');
    const recordsOf = ([headers, ...rows]: string[][]) => tableOf(headers!, rows.map((r) => Object.fromEntries(headers!.map((h, i) => [h, r[i] ?? null]))));
    const contacts = recordsOf([
      ...CONTACT_ROWS,
      // Tuesday 6 August 2024 14:35, answered that day (no time); Wednesday 7 August (no time) answered Saturday 10:00; Thursday 8 August 14:35, answered Sunday (no time).
      ['C-50', 'SS-100', '06/08/2024 14:35', '06/08/2024', 'Email', 'No'],
      ['C-51', 'SS-101', '07/08/2024', '09/08/2024 10:00', 'Phone', 'No'],
      ['C-52', 'SS-102', '08/08/2024 14:35', '11/08/2024', 'Email', 'No'],
    ]);
    const workbook = XlsxWorkbook.create();
    const { report } = await fillReturn(workbook, { framework: safeSpaces, period: periodFromIso(SAFE_SPACES_PERIOD.from, SAFE_SPACES_PERIOD.to), table: recordsOf(CASE_ROWS), events: [{ table: 'contacts', rows: { ...contacts, source: 'contacts.csv' } }] });
    const without = await fillReturn(XlsxWorkbook.create(), { framework: safeSpaces, period: periodFromIso(SAFE_SPACES_PERIOD.from, SAFE_SPACES_PERIOD.to), table: recordsOf(CASE_ROWS), events: [{ table: 'contacts', rows: { ...recordsOf(CONTACT_ROWS), source: 'contacts.csv' } }] });
    // All three are weekday contacts; the first two were answered within 48 hours by calendar day.
    expect(report.figures['kpi.k1.weekday_contacts']! - without.report.figures['kpi.k1.weekday_contacts']!).toBe(3);
    expect(report.figures['kpi.k1.responded_48h']! - without.report.figures['kpi.k1.responded_48h']!).toBe(2);
    const { ids, mismatches } = await recalculatedMismatches(workbook, report.figures);
    expect(ids).toEqual(expect.arrayContaining(['kpi.k1.responded_48h', 'kpi.k2.responded_72h']));
    expect(mismatches).toEqual([]);
  });
});
