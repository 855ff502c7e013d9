/** @jest-environment jsdom */
import '../support/jsdom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { App, type PaneHost } from '../../src/taskpane/App';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';


const csv = [HEADERS, ...ROWS.map((row) => HEADERS.map((h) => String(row[h] ?? '')))].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');

function fakeHost() {
  const shown: string[] = [];
  const downloads: { session: ReturnSession; fileName: string }[] = [];
  const host: PaneHost = {
    kind: 'browser',
    openFile: async (file) => new ReturnSession(await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name), file.name),
    openSample: async (frameworkId, from, to) => {
      const session = new ReturnSession(XlsxWorkbook.create(), 'sample-return.xlsx');
      await session.fill(builtInFramework(frameworkId), periodFromIso(from, to), csv);
      return session;
    },
    showCell: async (_, cell) => void shown.push(cell),
    copy: async (session) => new ReturnSession(await XlsxWorkbook.fromBytes(await (session.port as XlsxWorkbook).toBytes(), session.name), session.name),
    download: async (session, fileName) => void downloads.push({ session, fileName }),
  };
  return { host, shown, downloads };
}

describe('the task pane', () => {
  it('loads the sample, checks it, shows findings by severity, goes to a cell, keeps an explanation and downloads', async () => {
    const { host, shown, downloads } = fakeHost();
    render(<App host={host} />);
    expect((screen.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await screen.findByText('Opened sample-return.xlsx.', {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked sample-return\.xlsx: \d+ errors, \d+ queries, \d+ notes\.$/, {}, { timeout: 20_000 });

    const errors = screen.getByRole('region', { name: 'Errors: must be fixed' });
    expect(errors.textContent).toContain('Victims supported in a single incident or with ongoing support add up to 6 but Victims receiving support is 7 (1 fewer).');
    const queries = screen.getByRole('region', { name: 'Queries: fix or explain' });
    expect(queries.textContent).toContain('Average number of victims on waiting lists is 0.15; the target is at most 0.');

    const goTo = screen.getAllByRole('button', { name: /^Go to Outputs!B\d+: Victims supported in a single incident/ })[0]!;
    fireEvent.click(goTo);
    await screen.findByText(/^Selected Outputs!B\d+$/);
    expect(shown).toHaveLength(1);

    const explanation = screen.getAllByRole('textbox', { name: 'Explanation for the commissioner' })[0]!;
    fireEvent.change(explanation, { target: { value: 'One victim was on the list for eight days in May.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download checked workbook' }));
    await screen.findByText('Wrote the findings into sample-return - checked.xlsx.', {}, { timeout: 20_000 });
    expect(downloads.map((d) => d.fileName)).toEqual(['sample-return - checked.xlsx']);
    const sheet = await downloads[0]!.session.port.readUsed(FINDINGS_SHEET);
    expect(sheet.map((r) => r.cells[4])).toContain('One victim was on the list for eight days in May.');
  }, 60_000);

  it('warns that a workbook holding case data is not for sending, and downloads the submission copy without it', async () => {
    const { host, downloads } = fakeHost();
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await screen.findByText('Opened sample-return.xlsx.', {}, { timeout: 20_000 });
    expect(screen.getByText(/This workbook holds victims' case data \(the "Case data" and "Cases" sheets\): keep it on this computer/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Prepare submission copy' }));
    await screen.findByText(/^Wrote sample-return - submission\.xlsx, the copy to send to the commissioner/, {}, { timeout: 20_000 });
    expect(downloads.map((d) => d.fileName)).toEqual(['sample-return - submission.xlsx']);
    expect(await downloads[0]!.session.port.sheetNames()).toEqual(['Outputs', 'Demographics', 'Outcomes', 'Narrative']);
    // The workbook in hand keeps its cases: only the copy lost them.
    expect(screen.getByText(/This workbook holds victims' case data/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked sample-return\.xlsx/, {}, { timeout: 20_000 });
    expect(screen.getByText(/This workbook holds victims' case data \(the "Case data" and "Cases" sheets\)/)).toBeTruthy();
  }, 60_000);

  it('shows a clear message, not a crash, when the period is not a period', async () => {
    const { host } = fakeHost();
    render(<App host={host} />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Period to'), { target: { value: '2020-03-01' } });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await waitFor(() => expect(screen.getByText(/The period ends \(2020-03-01\) before it starts \(2020-04-01\)/)).toBeTruthy());
  });
});
