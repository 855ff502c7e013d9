/** @jest-environment jsdom */
import '../support/jsdom';
import { TextDecoder, TextEncoder } from 'node:util';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { App } from '../../src/taskpane/App';
import { caseRowCount, caseTableOf } from '../../src/taskpane/caseSource';
import type { BrowserPaneHost, PaneSession } from '../../src/taskpane/paneHost';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { mapTemplate } from '../../src/commands/mapTemplate';
import { parseMapping } from '../../src/engine/mapping/mapping';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import * as templateA from '../fixtures/templates/templateA';
import * as templateANextYear from '../fixtures/templates/templateANextYear';
import * as templateB from '../fixtures/templates/templateB';


const csv = [HEADERS, ...ROWS.map((row) => HEADERS.map((h) => String(row[h] ?? '')))].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');

/** A picked file; jsdom's File cannot read itself back. */
const fileOf = (content: Uint8Array | string, name: string) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return Object.assign(new File([Uint8Array.from(bytes)], name), { arrayBuffer: async () => Uint8Array.from(bytes).buffer, text: async () => new TextDecoder().decode(bytes) });
};

function fakeHost() {
  const shown: string[] = [];
  const downloads: { session: ReturnSession; fileName: string }[] = [];
  // The page's own host runs these in its worker; here they run in the test, on the same sessions.
  const held = (session: PaneSession) => session as ReturnSession;
  const texts: { fileName: string; text: string }[] = [];
  const host: BrowserPaneHost = {
    kind: 'browser',
    openFile: async (file) => new ReturnSession(await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name), file.name),
    newReturn: async (name) => new ReturnSession(XlsxWorkbook.create(), name),
    countCases: async (cases) => caseRowCount(await caseTableOf(cases)),
    sampleCases: async () => csv,
    showCell: async (_, cell) => void shown.push(cell),
    copy: async (session) => new ReturnSession(await XlsxWorkbook.fromBytes(await (held(session).port as XlsxWorkbook).toBytes(), session.name), session.name),
    download: async (session, fileName) => void downloads.push({ session: held(session), fileName }),
    saveText: async (fileName, text) => void texts.push({ fileName, text }),
  };
  return { host, shown, downloads, texts };
}

describe('the task pane', () => {
  it('loads the sample, checks it, shows findings by severity, goes to a cell, keeps an explanation and downloads', async () => {
    const { host, shown, downloads, texts } = fakeHost();
    render(<App host={host} />);
    expect((screen.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await screen.findByText(/^Filled sample-return\.xlsx: \d+ figures from 16 case rows/, {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked sample-return\.xlsx: \d+ errors, \d+ queries, \d+ notes\.$/, {}, { timeout: 20_000 });

    // The checked return is drawn in the background once the outcome is shown.
    const errors = await screen.findByRole('region', { name: 'Errors: must be fixed' }, { timeout: 20_000 });
    expect(errors.textContent).toContain('Victims supported in a single incident or with ongoing support add up to 6 but Victims receiving support is 7 (1 fewer).');
    const queries = screen.getByRole('region', { name: 'Queries: fix or explain' });
    expect(queries.textContent).toContain('Average number of victims on waiting lists is 0.15; the target is at most 0.');

    const goTo = screen.getAllByRole('button', { name: /^Go to Outputs!B\d+: Victims supported in a single incident/ })[0]!;
    fireEvent.click(goTo);
    const showing = await screen.findByText(/^Showing Outputs!B\d+$/, {}, { timeout: 20_000 });
    expect(shown).toHaveLength(1);
    // The return at a glance marks the figure row of that cell, in its opened section.
    const cell = showing.textContent!.replace('Showing ', '');
    const row = document.querySelector('tr[aria-current="true"]')!;
    expect(row.textContent).toContain(cell);
    expect(row.closest('details')!.open).toBe(true);
    expect(screen.getByRole('heading', { name: 'The return at a glance' })).toBeTruthy();
    expect(screen.getByText(/^Cambridgeshire victim services monitoring return, 2020-04-01 to 2020-09-30\. 16 case rows read, \d+ not counted\. \d+ errors, \d+ queries \(0 explained\), \d+ notes\.$/)).toBeTruthy();

    const explanation = screen.getAllByRole('textbox', { name: /^Explanation for the commissioner / })[0]!;
    fireEvent.change(explanation, { target: { value: 'One victim was on the list for eight days in May.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download checked workbook' }));
    await screen.findByText('Wrote the findings into sample-return - checked.xlsx.', {}, { timeout: 20_000 });
    expect(downloads.map((d) => d.fileName)).toEqual(['sample-return - checked.xlsx']);
    fireEvent.click(screen.getByRole('button', { name: 'Export findings (CSV)' }));
    await screen.findByText('Downloaded sample-return - findings.csv.');
    expect(texts[0]!.text).toContain('One victim was on the list for eight days in May.');
    const sheet = await downloads[0]!.session.port.readUsed(FINDINGS_SHEET);
    expect(sheet.map((r) => r.cells[4])).toContain('One victim was on the list for eight days in May.');
  }, 60_000);

  it('warns that a workbook holding case data is not for sending, and downloads the submission copy without it', async () => {
    const { host, downloads } = fakeHost();
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await screen.findByText(/^Filled sample-return\.xlsx: \d+ figures from 16 case rows/, {}, { timeout: 20_000 });
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

  it('fills a new return from a case file, keeps a typed explanation through a re-check, and lets go of it all when another file fails to open', async () => {
    const { host } = fakeHost();
    render(<App host={host} />);
    expect(screen.getByText('Check needs a return: open one, or fill one from case data.')).toBeTruthy();
    expect(screen.getByText('No workbook open.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Case data file (CSV, TSV or .xlsx)'), { target: { files: [fileOf(csv, 'cases.csv')] } });
    await screen.findByText('Read 16 case rows from cases.csv. Fill the return next.', {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Fill a new return' }));
    await screen.findByText(/^Filled cases - return\.xlsx: \d+ figures from 16 case rows; the case data has 11 row issues \(listed below\)/, {}, { timeout: 20_000 });
    expect(screen.getByText('Open: cases - return.xlsx')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Row issues (11)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked cases - return\.xlsx/, {}, { timeout: 20_000 });
    const boxes = await screen.findAllByRole('textbox', { name: /^Explanation for the commissioner / }, { timeout: 20_000 });
    // Each box is named by its finding.
    expect(new Set(boxes.map((b) => b.getAttribute('aria-labelledby'))).size).toBe(boxes.length);
    fireEvent.change(boxes[0]!, { target: { value: 'One victim waited eight days in May.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked cases - return\.xlsx/, {}, { timeout: 20_000 });
    expect((screen.getAllByRole('textbox', { name: /^Explanation for the commissioner / })[0] as HTMLTextAreaElement).value).toBe('One victim waited eight days in May.');

    fireEvent.change(screen.getByLabelText('Return workbook (.xlsx)'), { target: { files: [fileOf('not a workbook', 'corrupt.xlsx')] } });
    await screen.findByText(/corrupt\.xlsx/, { selector: '.fui-MessageBarBody' }, { timeout: 20_000 });
    expect(screen.getByText('No workbook open.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Queries: fix or explain' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Download checked workbook' }) as HTMLButtonElement).disabled).toBe(true);
  }, 120_000);

  it('says an opened workbook that is not a return cannot be checked yet, as a warning, not a success', async () => {
    const { host } = fakeHost();
    render(<App host={host} />);
    fireEvent.change(screen.getByLabelText('Return workbook (.xlsx)'), { target: { files: [fileOf(await templateB.build(), 'templateB.xlsx')] } });
    const opened = await screen.findByText(/^Opened templateB\.xlsx, but it does not say which return it is/, {}, { timeout: 20_000 });
    expect(opened.closest('.fui-MessageBar')?.getAttribute('data-intent')).toBe('warning');
    expect(screen.getByText('Check needs the template mapped first (see Map this template below).')).toBeTruthy();
  }, 60_000);

  describe("mapping a commissioner's own template", () => {
    const framework = builtInFramework('cambridgeshire');
    const open = async (bytes: Uint8Array, name: string) => {
      fireEvent.change(screen.getByLabelText('Return workbook (.xlsx)'), { target: { files: [fileOf(bytes, name)] } });
      await screen.findByText(`Opened ${name}, but it does not say which return it is, so it cannot be checked yet. If it is your commissioner's template, map it below; otherwise open a return made with Returns Assistant.`, {}, { timeout: 20_000 });
    };

    it('maps it, shows counts by section, binds a figure typed by hand, saves the names into the workbook and offers the JSON', async () => {
      const { host, downloads, texts } = fakeHost();
      render(<App host={host} />);
      await open(await templateB.build(), 'templateB.xlsx');

      fireEvent.click(screen.getByRole('button', { name: 'Map this template' }));
      const coverage = await screen.findByText(/^Mapped \d+ of \d+ figures \(\d+ sure, \d+ unsure\)\./, {}, { timeout: 30_000 });
      const [, mappedCount] = /^Mapped (\d+)/.exec(coverage.textContent!)!;
      expect(Number(mappedCount)).toBeGreaterThan(500);
      // Sections are collapsed, with their counts: template B has no closing caseload nor caseload by crime type.
      const caseload = screen.getByRole('button', { name: /^Existing caseload/ });
      expect(caseload.textContent).toMatch(/^Existing caseload \d+ sure .*17 not mapped$/);
      expect(caseload.getAttribute('aria-expanded')).toBe('false');
      expect(screen.queryByRole('button', { name: /^Caseload open at the end of the period/ })).toBeNull();

      fireEvent.click(caseload);
      fireEvent.click(screen.getByRole('button', { name: /^Existing caseload at the start of the period 'Section A'!D10 (sure|unsure)$/ }));
      await screen.findByText("Selected 'Section A'!D10.");
      fireEvent.click(screen.getByRole('button', { name: 'Caseload open at the end of the period no cell not mapped' }));
      const cell = screen.getByRole('textbox', { name: /Cell for the chosen figure/ });
      fireEvent.change(cell, { target: { value: 'D13' } });
      fireEvent.click(screen.getByRole('button', { name: 'Use this cell' }));
      expect(await screen.findByText("Write the cell as Excel does, e.g. Outputs!C20 or 'Section B'!B5.")).toBeTruthy();
      fireEvent.change(cell, { target: { value: 'section a!d13' } });
      fireEvent.click(screen.getByRole('button', { name: 'Use this cell' }));
      await screen.findByText("Caseload open at the end of the period is now 'section a'!D13.");
      // The sheet is named as typed: saving checks every cell against the workbook and says what is wrong.
      fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
      await screen.findByText(/caseload_end\.total: 'section a'!D13: the workbook has no sheet "section a"/, {}, { timeout: 20_000 });

      fireEvent.change(cell, { target: { value: "'Section A'!D13" } });
      fireEvent.click(screen.getByRole('button', { name: 'Use this cell' }));
      await screen.findByText("Caseload open at the end of the period is now 'Section A'!D13.");
      expect(screen.getByRole('button', { name: "Caseload open at the end of the period 'Section A'!D13 by hand" })).toBeTruthy();
      expect((screen.getByRole('button', { name: 'Remove binding' }) as HTMLButtonElement).disabled).toBe(false);
      fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
      await screen.findByText(/^Saved the mapping of \d+ figures into templateB\.xlsx: it now fills and checks like a return\.$/, {}, { timeout: 20_000 });

      fireEvent.click(screen.getByRole('button', { name: 'Download mapping.json' }));
      await screen.findByText(/^Downloaded mapping\.json/);
      const saved = parseMapping(texts[0]!.text, texts[0]!.fileName);
      expect(saved.cells['caseload_end.total']).toBe("'Section A'!D13");
      expect(saved.cells['caseload_start.total']).toBe("'Section A'!D10");

      fireEvent.click(screen.getByRole('button', { name: 'Download mapped workbook' }));
      await screen.findByText('Downloaded templateB - mapped.xlsx.');
      const names = await downloads[0]!.session.port.names();
      expect(names).toEqual(expect.arrayContaining([
        { name: 'caseload_end.total', sheet: 'Section A', range: 'D13' },
        { name: 'caseload_start.total', sheet: 'Section A', range: 'D10' },
        expect.objectContaining({ name: 'return.framework' }),
      ]));
      // A mapped template is a return: it checks without a mapping file.
      fireEvent.click(screen.getByRole('button', { name: 'Check' }));
      await screen.findByText(/^Checked templateB\.xlsx: \d+ errors/, {}, { timeout: 20_000 });
    }, 120_000);

    it("imports last period's mapping for this period's copy: bindings follow their labels", async () => {
      const { host } = fakeHost();
      render(<App host={host} />);
      await open(await templateANextYear.build(), 'next year.xlsx');
      // Last year's mapping as the pane saved it: with each binding's label, which next year's copy is re-anchored by.
      const lastYear = JSON.stringify((await mapTemplate(await XlsxWorkbook.fromBytes(await templateA.build(), 'last year.xlsx'), framework)).mapping);
      fireEvent.change(screen.getByLabelText('Mapping file (.json)'), { target: { files: [fileOf(lastYear, 'mapping.json')] } });
      await screen.findByText(/^Mapped \d+ of \d+ figures \(\d+ sure, \d+ unsure\)\. \d+ of last period's bindings moved with their labels\./, {}, { timeout: 30_000 });
      fireEvent.click(screen.getByRole('button', { name: /^New referrals in the period/ }));
      const total = screen.getByRole('button', { name: /^Total new referrals/ });
      expect(total.textContent).toContain(templateANextYear.expected['referrals.total']);
      expect(templateANextYear.expected['referrals.total']).not.toBe(templateA.expected['referrals.total']);
    }, 120_000);

    it('says what is wrong with an imported file that is not a mapping', async () => {
      const { host } = fakeHost();
      render(<App host={host} />);
      await open(await templateB.build(), 'templateB.xlsx');
      fireEvent.change(screen.getByLabelText('Mapping file (.json)'), { target: { files: [fileOf('{"framework": "cambridgeshire"}', 'mapping.json')] } });
      await screen.findByText(/^mapping\.json is not a mapping:/, {}, { timeout: 20_000 });
    }, 60_000);
  });
});
