import data from '../fixtures/events-framework.json';
import { CASE_HEADERS, CASES, CONTACT_HEADERS, CONTACTS } from '../fixtures/eventCases';
import { tableOf } from '../support/tables';
import { recalculateInLibreOffice } from '../support/libreoffice';
import { fillReturn } from '../../src/commands/fillReturn';
import { prepareSubmission } from '../../src/commands/prepareSubmission';
import { eventDataSheet, eventsSheet } from '../../src/commands/returnLayout';
import { parseFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

/** Event figures as live formulas: a real spreadsheet engine recalculating them gives the tally's figures. */
const framework = parseFramework(data, 'events-framework.json');
const period = periodFromIso('2024-01-01', '2024-03-31');
jest.setTimeout(240_000);

async function filled() {
  const workbook = XlsxWorkbook.create();
  const { report } = await fillReturn(workbook, { framework, period, table: tableOf(CASE_HEADERS, CASES), events: [{ table: 'contacts', rows: tableOf(CONTACT_HEADERS, CONTACTS, 'contacts.csv') }] });
  return { workbook, report };
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

    const recalculated = await XlsxWorkbook.fromBytes(recalculateInLibreOffice(await workbook.toBytes()), 'recalculated.xlsx');
    const ids = Object.keys(report.figures).filter((id) => report.figures[id] !== null);
    const after = new Map((await recalculated.names()).map((n) => [n.name, n]));
    const values = await recalculated.read(ids.map((id) => after.get(id)!));
    const mismatches = ids.flatMap((id, i) => (values[i]![0]![0] === report.figures[id] ? [] : [`${id}: tally ${report.figures[id]}, LibreOffice ${String(values[i]![0]![0])}`]));
    expect(ids.length).toBeGreaterThan(8);
    expect(mismatches).toEqual([]);
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
