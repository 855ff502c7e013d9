/** @jest-environment jsdom */
import '../support/jsdom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { fireEvent, render, screen } from '@testing-library/react';
import { RETURN_NAMES } from '../../src/commands/returnLayout';
import { App } from '../../src/taskpane/App';
import type { BrowserPaneHost } from '../../src/taskpane/paneHost';
import { caseRowCount, caseTableOf } from '../../src/taskpane/caseSource';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

const fileOf = (text: string, name: string) => {
  const bytes = new TextEncoder().encode(text);
  return Object.assign(new File([Uint8Array.from(bytes)], name), { arrayBuffer: async () => Uint8Array.from(bytes).buffer, text: async () => new TextDecoder().decode(bytes) });
};

const FRAMEWORK_TEXT = readFileSync(join(__dirname, '..', 'fixtures', 'safe-spaces-kpi.json'), 'utf8');
const FRAMEWORK = JSON.parse(FRAMEWORK_TEXT) as { id: string; title: string };
const CASES = 'Case ID,Referral date,Exit date,Self-referral method,Denomination\nS1,02/04/2024,,Email,Church of England\nS2,03/05/2024,20/05/2024,Telephone,Catholic\n';

function pageHost(cases = CASES) {
  const sessions: ReturnSession[] = [];
  const host: BrowserPaneHost = {
    kind: 'browser',
    openFile: async (file) => new ReturnSession(await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name), file.name),
    newReturn: async (name) => {
      const session = new ReturnSession(XlsxWorkbook.create(), name);
      sessions.push(session);
      return session;
    },
    countCases: async (source) => caseRowCount(await caseTableOf(source)),
    sampleCases: async () => cases,
    showCell: async () => undefined,
    copy: async (session) => session as ReturnSession,
    download: async () => undefined,
    saveText: async () => undefined,
  };
  return { host, sessions };
}

const returnSelect = () => screen.getByRole('combobox', { name: 'Return' }) as HTMLSelectElement;

describe('the returns the pane offers', () => {
  it('refuses a framework file with mistakes, saying where each is, and keeps the return chosen', async () => {
    render(<App host={pageHost().host} />);
    const broken = JSON.stringify({ ...JSON.parse(FRAMEWORK_TEXT), caseId: 'case_number' });
    fireEvent.change(screen.getByLabelText('Framework file (.json)'), { target: { files: [fileOf(broken, 'ours.json')] } });
    await screen.findByText(/The framework in ours\.json is not valid:/, {}, { timeout: 20_000 });
    expect(screen.getByText(/caseId: no column "case_number"/)).toBeTruthy();
    expect(returnSelect().value).toBe('cambridgeshire');
  });

  it('loads a commissioner\u2019s framework file, offers and chooses it, fills a return with it and checks that return', async () => {
    render(<App host={pageHost().host} />);
    fireEvent.change(screen.getByLabelText('Framework file (.json)'), { target: { files: [fileOf(FRAMEWORK_TEXT, 'safe-spaces.json')] } });
    await screen.findByText(`Loaded the ${FRAMEWORK.title} from safe-spaces.json. It is chosen above: fill or check a return with it.`, {}, { timeout: 20_000 });
    expect(returnSelect().value).toBe(FRAMEWORK.id);
    expect([...returnSelect().options].map((o) => o.textContent)).toContain('Cambridgeshire victim services monitoring return');
    // This framework has no service profiles: there is nothing to choose.
    expect(screen.queryByRole('combobox', { name: /Kind of service/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Period from'), { target: { value: '2024-04-01' } });
    fireEvent.change(screen.getByLabelText('Period to'), { target: { value: '2024-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await screen.findByText(/^Filled sample-return\.xlsx: \d+ figures from 2 case rows/, {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/^Checked sample-return\.xlsx: \d+ errors/, {}, { timeout: 20_000 });
    // The checked return is drawn in the background once the outcome is shown.
    expect(await screen.findByText(new RegExp(`^${FRAMEWORK.title.replace(/[()]/g, '\\$&')}, 2024-04-01 to 2024-06-30\\.`), {}, { timeout: 20_000 })).toBeTruthy();
  }, 60_000);

  it('fills the return for the kind of service chosen', async () => {
    const { host, sessions } = pageHost('Case ID,Referral date,Referral source,Crime type,Contacted,Support accepted,Support type\nC1,01/05/2020,Police,Theft,Y,Y,Single\n');
    render(<App host={host} />);
    const kind = screen.getByRole('combobox', { name: /Kind of service/ }) as HTMLSelectElement;
    expect([...kind.options].map((o) => o.value)).toEqual(['general', 'victim-and-witness-hub', 'rj']);
    fireEvent.change(kind, { target: { value: 'rj' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load sample' }));
    await screen.findByText(/^Filled sample-return\.xlsx/, {}, { timeout: 20_000 });
    const port = sessions[0]!.port;
    const place = (await port.names()).find((n) => n.name === RETURN_NAMES.profile)!;
    expect((await port.read([place]))[0]![0]![0]).toBe('rj');
  }, 60_000);
});
