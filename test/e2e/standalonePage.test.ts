import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { fillReturn } from '../../src/commands/fillReturn';
import { FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { parseMapping } from '../../src/engine/mapping/mapping';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import * as templateB from '../fixtures/templates/templateB';
import { tableOf } from '../support/tables';
import { serveFolder } from './staticServer';

/**
 * The standalone page end to end in real headless Chromium (Debian's), on the built page: `npm test` builds
 * dist/ first. Office.js cannot load here, as on a machine whose organisation blocks add-ins.
 */
const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const SHOTS = join(ROOT, 'dist', 'screenshots');
jest.setTimeout(180_000);

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;

beforeAll(async () => {
  if (!existsSync(join(WEB, 'taskpane.html'))) throw new Error('dist/web is not built: run npm run build (npm test does it first).');
  server = await serveFolder(WEB);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage() {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 900, height: 1400 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const left: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).hostname === '127.0.0.1') await route.continue();
    else {
      left.push(url); // never sent: the only such request allowed is Office.js from Microsoft's CDN
      await route.abort();
    }
  });
  await page.goto(`${server.url}/taskpane.html`);
  return { page, requests, left };
}

describe('the standalone page in Chromium', () => {
  it('loads the sample, checks it, shows the findings, selects a cell, and downloads the checked workbook', async () => {
    const { page, left } = await openPage();
    await page.getByRole('button', { name: 'Load sample' }).click();
    await page.getByText('Opened sample-return.xlsx.').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/^Checked sample-return\.xlsx:/).waitFor({ timeout: 60_000 });

    const errors = page.getByRole('region', { name: 'Errors: must be fixed' });
    await errors.getByText(/The case study for case VS-\d+ has 219 words, over the 200-word limit\./).first().waitFor();
    const queries = page.getByRole('region', { name: 'Queries: fix or explain' });
    await queries.getByText(/Average number of victims on waiting lists is [\d.]+; the target is at most 0\./).waitFor();

    const waiting = queries.getByRole('listitem').filter({ hasText: 'waiting lists' });
    await waiting.getByRole('button', { name: /^Go to Outputs!B\d+/ }).click();
    await page.getByText(/^Selected Outputs!B\d+$/).waitFor();
    await waiting.getByRole('textbox', { name: 'Explanation for the commissioner' }).fill('A new ISVA post started a waiting list; cleared in October.');

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'standalone-checked.png'), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download checked workbook' }).click()]);
    expect(download.suggestedFilename()).toBe('sample-return - checked.xlsx');
    const workbook = await XlsxWorkbook.fromBytes(new Uint8Array(readFileSync((await download.path())!)), 'downloaded.xlsx');
    const findings = await workbook.readUsed(FINDINGS_SHEET);
    expect(findings.map((r) => r.cells[4])).toContain('A new ISVA post started a waiting list; cleared in October.');

    expect(left.filter((url) => !url.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
  });

  it('checks a received workbook with planted mistakes, picked as a file', async () => {
    const received = XlsxWorkbook.create();
    await fillReturn(received, { framework: builtInFramework('cambridgeshire'), period: periodFromIso('2020-04-01', '2020-09-30'), table: tableOf(HEADERS, ROWS) });
    const police = (await received.names()).find((n) => n.name === 'referrals.by_source.police')!;
    await received.apply([{ op: 'write', sheet: police.sheet, at: police.range, rows: [[5]] }]);

    const { page, left } = await openPage();
    await page.getByLabel('Return workbook (.xlsx)').setInputFiles({ name: 'received.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await received.toBytes()) });
    await page.getByText('Opened received.xlsx.').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const errors = page.getByRole('region', { name: 'Errors: must be fixed' });
    await errors.getByText('New referrals by source add up to 11 but Total new referrals is 9 (2 more).').waitFor({ timeout: 60_000 });
    await errors.getByText(/New referrals from Police \(local force\) is typed as 5, but the case data in this workbook gives 3 \(2 more\)\. The cases behind 3: G, K, P\./).waitFor();
    expect(left.filter((url) => !url.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
  });

  it("maps a commissioner's template picked as a file, saves the mapping and downloads the mapped workbook", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'returns-e2e-')), 'templateB.xlsx');
    writeFileSync(file, await templateB.build());
    const { page, left } = await openPage();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByLabel('Return workbook (.xlsx)').setInputFiles(file);
    await page.getByText(/^Opened templateB\.xlsx\. It does not say which return it is/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Map this template' }).click();
    await page.getByText(/^Mapped \d+ of \d+ figures/).waitFor({ timeout: 120_000 });

    // By keyboard: open a section, choose a figure, type its cell, bind it.
    const caseload = page.getByRole('button', { name: /^Existing caseload \d+ sure/ });
    await caseload.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Caseload open at the end of the period no cell not mapped' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /Cell for the chosen figure/ }).fill("'Section A'!D13");
    await page.keyboard.press('Enter');
    await page.getByText("Caseload open at the end of the period is now 'Section A'!D13.").waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'standalone-mapping-320.png'), fullPage: false });

    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText(/^Saved the mapping of \d+ figures into templateB\.xlsx/).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download mapped workbook' }).click()]);
    expect(download.suggestedFilename()).toBe('templateB - mapped.xlsx');
    const mapped = await XlsxWorkbook.fromBytes(new Uint8Array(readFileSync((await download.path())!)), 'mapped.xlsx');
    expect(await mapped.names()).toEqual(expect.arrayContaining([{ name: 'caseload_end.total', sheet: 'Section A', range: 'D13' }, { name: 'caseload_start.total', sheet: 'Section A', range: 'D10' }]));
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download mapping.json' }).click()]);
    expect(parseMapping(readFileSync((await json.path())!, 'utf8'), 'mapping.json').cells['caseload_end.total']).toBe("'Section A'!D13");

    // The mapped template now checks like any return.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/^Checked templateB\.xlsx:/).waitFor({ timeout: 60_000 });
    expect(left.filter((url) => !url.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
  });
});
