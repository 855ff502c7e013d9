/** @jest-environment jsdom */
import '../support/jsdom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReturnData } from '../../src/engine/checks/returnData';
import { App } from '../../src/taskpane/App';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { OfficeWorkbook } from '../../src/workbook/officeWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { FakeExcel } from '../support/fakeExcel';
import * as templateB from '../fixtures/templates/templateB';
import { parseMapping } from '../../src/engine/mapping/mapping';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';


/** Rows as Excel puts them on the clipboard: tab-separated. */
const pasted = [HEADERS, ...ROWS.map((row) => HEADERS.map((h) => String(row[h] ?? '')))].map((r) => r.join('\t')).join('\n');

describe('the task pane in Excel', () => {
  it('inserts the template, fills it from pasted rows, checks it, selects a cell and writes the findings in', async () => {
    const excel = new FakeExcel();
    const selected: string[] = [];
    const current = new ReturnSession(new OfficeWorkbook(excel.run), 'this workbook');
    let select: ((cell: string) => void) | null = null;
    const onSelectionChanged = async (listener: (cell: string) => void) => ((select = listener), async () => void (select = null));
    const charted: string[] = [];
    const insertCharts = async (data: ReturnData) => (charted.push(data.framework.id), { sheet: 'Meeting charts', charts: 9 });
    render(<App host={{ kind: 'excel', current, showCell: async (_, cell) => void selected.push(cell), selectedCell: async () => 'Outputs!B7', showCells: async () => undefined, onSelectionChanged, openSubmissionCopy: async () => ({ removedSheets: ['Case data', 'Cases'] }), insertCharts }} />);

    fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await screen.findByText(/^Inserted the Cambridgeshire victim services monitoring return template./, {}, { timeout: 20_000 });
    expect([...excel.sheets.keys()]).toEqual(['Outputs', 'Demographics', 'Outcomes', 'Narrative', 'Case data']);

    fireEvent.change(screen.getByRole('textbox', { name: /Case rows \(optional\)/ }), { target: { value: pasted } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill from case data' }));
    await screen.findByText(/^Filled this workbook: \d+ figures from 16 case rows; the case data has 11 row issues \(listed below\)\. Check it next\.$/, {}, { timeout: 20_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked this workbook:/, {}, { timeout: 20_000 });
    // Selecting a figure's cell in Excel shows that figure and what was found about it.
    // The checked return is drawn in the background once the outcome is shown.
    const flagged = (await screen.findAllByRole('button', { name: /^Go to Outputs!B\d+/ }, { timeout: 20_000 }))[0]!.textContent!.replace('Go to ', '');
    await waitFor(() => expect(select).not.toBeNull());
    act(() => select!(flagged));
    expect(await screen.findByRole('heading', { name: `Selected cell: ${flagged}` })).toBeTruthy();
    expect(screen.queryByText('No findings about this figure.')).toBeNull();
    act(() => select!('Outputs!Z99'));
    expect(await screen.findByText("This cell holds none of the return's figures.", {}, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: /^Go to Outputs!B\d+/ })[0]!);
    await screen.findByText(/^Showing Outputs!B\d+$/, {}, { timeout: 20_000 });
    expect(selected).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Write findings into the workbook' }));
    await screen.findByText('Wrote the findings, highlights and your explanations into the workbook.', {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Prepare submission copy' }));
    await screen.findByText(/^Opened the submission copy as a new workbook: figures, narrative and findings, values only, without the "Case data" and "Cases" sheets\. Save it and send that one/, {}, { timeout: 20_000 });
    expect(excel.sheets.has('Findings')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Insert meeting charts' }));
    await screen.findByText("Inserted 9 charts of the return's breakdowns on the new sheet Meeting charts, as in the meeting pack.", {}, { timeout: 20_000 });
    expect(charted).toEqual(['cambridgeshire']);
  }, 180_000);
});

describe("mapping a commissioner's template open in Excel", () => {
  it('offers to map it, binds the selected cell to a figure, saves the names into the workbook and shows the JSON to copy', async () => {
    const excel = new FakeExcel();
    const template = await XlsxWorkbook.fromBytes(await templateB.build(), 'templateB.xlsx');
    excel.loadGrids(await Promise.all((await template.sheetNames()).map((sheet) => template.readGrid(sheet))));
    const selected: string[] = [];
    const shown: string[][] = [];
    const current = new ReturnSession(new OfficeWorkbook(excel.run), 'this workbook');
    render(
      <App host={{ kind: 'excel', current, showCell: async (_, cell) => void selected.push(cell), selectedCell: async () => "'Section A'!D13", showCells: async (cells) => void shown.push(cells), onSelectionChanged: async () => async () => undefined, openSubmissionCopy: async () => ({ removedSheets: [] }), insertCharts: async () => ({ sheet: 'Meeting charts', charts: 0 }) }} />,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Map this template' }, { timeout: 20_000 }));
    await screen.findByText(/^Mapped \d+ of \d+ figures \(\d+ sure, \d+ unsure\)\./, {}, { timeout: 90_000 });
    fireEvent.click(screen.getByRole('button', { name: /^Existing caseload \d+ sure/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Existing caseload at the start of the period 'Section A'!D10 (sure|unsure)$/ }));
    await screen.findByText("Selected 'Section A'!D10.", {}, { timeout: 20_000 });
    expect(selected).toEqual(["'Section A'!D10"]);

    fireEvent.click(screen.getByRole('button', { name: 'Caseload open at the end of the period no cell not mapped' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use selected cell' }));
    await screen.findByText("Caseload open at the end of the period is now 'Section A'!D13.", {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Show mapped cells' }));
    await screen.findByText(/^Selected the mapped cells of the sheet that holds most of them \(\d+ mapped in all\)/, {}, { timeout: 20_000 });
    expect(shown[0]).toContain("'Section A'!D13");
    expect(shown[0]).toContain("'Section A'!D10");
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await screen.findByText('The mapped cells are no longer shown.', {}, { timeout: 20_000 });
    expect(shown[1]).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
    await screen.findByText(/^Saved the mapping of \d+ figures into this workbook/, {}, { timeout: 90_000 });

    expect(excel.names.get('caseload_end.total')).toEqual({ sheet: 'Section A', range: 'D13' });
    expect(excel.names.get('return.framework')).toBeDefined();
    expect(excel.hiddenSheets.has('Returns Assistant')).toBe(true);
    const json = screen.getByRole('textbox', { name: /The mapping \(JSON\)/ }) as HTMLTextAreaElement;
    expect(parseMapping(json.value, 'the pane').cells['caseload_end.total']).toBe("'Section A'!D13");
  }, 240_000);
});
