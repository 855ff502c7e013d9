/** @jest-environment jsdom */
import '../support/jsdom';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { OfficeWorkbook } from '../../src/workbook/officeWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { FakeExcel } from '../support/fakeExcel';


/** Rows as Excel puts them on the clipboard: tab-separated. */
const pasted = [HEADERS, ...ROWS.map((row) => HEADERS.map((h) => String(row[h] ?? '')))].map((r) => r.join('\t')).join('\n');

describe('the task pane in Excel', () => {
  it('inserts the template, fills it from pasted rows, checks it, selects a cell and writes the findings in', async () => {
    const excel = new FakeExcel();
    const selected: string[] = [];
    const current = new ReturnSession(new OfficeWorkbook(excel.run), 'this workbook');
    render(<App host={{ kind: 'excel', current, showCell: async (_, cell) => void selected.push(cell) }} />);

    fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await screen.findByText('Inserted the Cambridgeshire victim services monitoring return template.', {}, { timeout: 20_000 });
    expect([...excel.sheets.keys()]).toEqual(['Outputs', 'Demographics', 'Outcomes', 'Narrative', 'Case data']);

    fireEvent.change(screen.getByRole('textbox', { name: /Case rows \(optional\)/ }), { target: { value: pasted } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill from case data' }));
    await screen.findByText(/^Filled \d+ figures with formulas from 16 case rows; the case data has 11 row issues\.$/, {}, { timeout: 20_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked this workbook:/, {}, { timeout: 20_000 });
    fireEvent.click(screen.getAllByRole('button', { name: /^Go to Outputs!B\d+/ })[0]!);
    await screen.findByText(/^Selected Outputs!B\d+$/);
    expect(selected).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Write findings into the workbook' }));
    await screen.findByText('Wrote the findings, highlights and your explanations into the workbook.', {}, { timeout: 20_000 });
    expect(excel.sheets.has('Findings')).toBe(true);
  }, 60_000);
});
