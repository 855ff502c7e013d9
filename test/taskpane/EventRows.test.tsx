/** @jest-environment jsdom */
import '../support/jsdom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { builtInFramework } from '../../src/frameworks/load';
import { tallyTable } from '../../src/engine/report/tallyReport';
import { periodFromIso } from '../../src/engine/tally/period';
import { readDelimited } from '../../src/tables/readDelimited';
import { eventsSheet } from '../../src/commands/returnLayout';
import { App } from '../../src/taskpane/App';
import { caseRowCount, caseTableOf } from '../../src/taskpane/caseSource';
import type { BrowserPaneHost } from '../../src/taskpane/paneHost';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { OfficeWorkbook } from '../../src/workbook/officeWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { CASE_ROWS, CONTACT_ROWS, SAFE_SPACES_PERIOD, tabbedOf } from '../fixtures/safeSpacesRows';
import { FakeExcel } from '../support/fakeExcel';

const framework = builtInFramework('safe-spaces');
const period = periodFromIso(SAFE_SPACES_PERIOD.from, SAFE_SPACES_PERIOD.to);
/** The tally `returns tally --events contacts=…` gives on the same rows. */
const expected = tallyTable(readDelimited(tabbedOf(CASE_ROWS), 'the pasted case rows'), framework, period, {}, [{ table: 'contacts', rows: readDelimited(tabbedOf(CONTACT_ROWS), 'the pasted contacts rows') }]);

/** Chooses Safe Spaces and its quarter in the pane's controls. */
function chooseSafeSpaces() {
  fireEvent.change(screen.getByRole('combobox', { name: 'Return' }), { target: { value: 'safe-spaces' } });
  fireEvent.change(screen.getByLabelText('Period from'), { target: { value: SAFE_SPACES_PERIOD.from } });
  fireEvent.change(screen.getByLabelText('Period to'), { target: { value: SAFE_SPACES_PERIOD.to } });
}

describe('event rows in the pane', () => {
  it('offers a paste box and a file for each event table of the chosen return only, and fills the page’s return from them with each table’s own row issues', async () => {
    const host: BrowserPaneHost = {
      kind: 'browser',
      openFile: async () => { throw new Error('not used'); },
      newReturn: async (name) => new ReturnSession(XlsxWorkbook.create(), name),
      countCases: async (cases) => caseRowCount(await caseTableOf(cases)),
      sampleCases: async () => '',
      showCell: async () => undefined,
      copy: async (session) => session as ReturnSession,
      download: async () => undefined,
      saveText: async () => undefined,
    };
    render(<App host={host} />);
    // Cambridgeshire has no event tables: nothing is offered for them.
    expect(screen.queryByRole('group', { name: 'Event rows' })).toBeNull();
    chooseSafeSpaces();
    const events = screen.getByRole('group', { name: 'Event rows' });
    expect(within(events).getAllByRole('textbox')).toEqual(['contacts', 'activities', 'service deliveries'].map((table) => within(events).getByRole('textbox', { name: new RegExp(`^Or paste ${table} rows here`) })));
    expect(within(events).getByText(/the columns: Contact ID, Case ID, Contact received, Responded, Channel, Unsafe to respond/)).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /^Or paste case rows here/ }), { target: { value: tabbedOf(CASE_ROWS) } });
    fireEvent.change(within(events).getByRole('textbox', { name: /^Or paste contacts rows here/ }), { target: { value: tabbedOf(CONTACT_ROWS) } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill a new return' }));
    await screen.findByText(/^Filled return\.xlsx: \d+ figures from 12 case rows; the case data and its event tables have 2 row issues/, {}, { timeout: 30_000 });

    const contacts = screen.getByRole('region', { name: 'Contacts read' });
    expect(contacts.textContent).toContain(`${CONTACT_ROWS.length - 1} rows read from the pasted contacts rows; 2 not counted`);
    const issues = within(contacts).getAllByRole('listitem').map((li) => li.textContent);
    expect(issues).toEqual([expect.stringMatching(new RegExp(`^Row ${CONTACT_ROWS.length - 1} \\(case SS-102\\).*Remove the repeated row`)), expect.stringMatching(new RegExp(`^Row ${CONTACT_ROWS.length} \\(case SS-999\\).*Correct the Case ID`))]);
    // The case data's own summary has none of them, and says how to give the tables left out, in the page's terms.
    const caseData = screen.getByRole('region', { name: 'Case data read' });
    expect(within(caseData).queryAllByRole('listitem')).toEqual([]);
    expect(caseData.textContent).toContain('No activities table was given: the figures counted from it are left blank. Open or paste its rows under "Event rows" and fill again.');
  }, 60_000);

  it('in Excel, fills the open workbook with the event figures as live formulas, as the command line does', async () => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run);
    const current = new ReturnSession(port, 'this workbook');
    render(<App host={{ kind: 'excel', current, showCell: async () => undefined, selectedCell: async () => 'A1', showCells: async () => undefined, onSelectionChanged: async () => async () => undefined, openSubmissionCopy: async () => ({ removedSheets: [] }), insertCharts: async () => ({ sheet: '', charts: 0 }) }} />);
    chooseSafeSpaces();
    fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await screen.findByText(/^Inserted the .* template\./, {}, { timeout: 30_000 });
    fireEvent.change(screen.getByRole('textbox', { name: /^Case rows \(optional\)/ }), { target: { value: tabbedOf(CASE_ROWS) } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Or paste contacts rows here/ }), { target: { value: tabbedOf(CONTACT_ROWS) } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill from case data' }));
    await screen.findByText(/^Filled this workbook: \d+ figures from 12 case rows/, {}, { timeout: 30_000 });

    // The same fill the command line makes (here into a workbook file) from the same rows: the Excel workbook gets
    // its KPI 1 formulas and the contact rows they count, so Excel computes the command line's figures.
    const cli = new ReturnSession(XlsxWorkbook.create(), 'cli.xlsx');
    await cli.insertTemplate(framework, period);
    const cliTally = await cli.fill(framework, period, { cases: readDelimited(tabbedOf(CASE_ROWS), 'the pasted case rows'), events: [{ table: 'contacts', source: { kind: 'text', text: tabbedOf(CONTACT_ROWS), name: 'the pasted contacts rows' } }] });
    expect(cliTally.figures['kpi.k1.weekday_contacts']).toBe(expected.figures['kpi.k1.weekday_contacts']);
    const kpi1 = async (workbook: OfficeWorkbook | XlsxWorkbook) => {
      const names = new Map((await workbook.names()).map((n) => [n.name, n]));
      return workbook.formulas(['kpi.k1.weekday_contacts', 'kpi.k1.responded_48h'].map((id) => ({ sheet: names.get(id)!.sheet, cell: names.get(id)!.range })));
    };
    const formulas = await kpi1(port);
    expect(formulas.every((f) => f !== null && /event\.contacts\./.test(f))).toBe(true);
    expect(formulas).toEqual(await kpi1(cli.port as XlsxWorkbook));
    // Excel gives dates back as serial numbers: the file's dates are read as Excel's serials, times of day kept.
    // (to a tenth of a second: the two sums round differently in the last bits).
    const serial = (cell: unknown) => {
      const n = cell instanceof Date ? cell.getTime() / 86_400_000 + 25_569 : cell;
      return typeof n === 'number' ? Math.round(n * 1e6) / 1e6 : n;
    };
    const contactsIn = async (workbook: OfficeWorkbook | XlsxWorkbook) => (await workbook.readUsed(eventsSheet('contacts'))).map((r) => r.cells.map(serial));
    expect(await contactsIn(port)).toEqual(await contactsIn(cli.port as XlsxWorkbook));
    expect(screen.getByRole('region', { name: 'Contacts read' }).textContent).toContain('2 not counted');
  }, 60_000);
});
