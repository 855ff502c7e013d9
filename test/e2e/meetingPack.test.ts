import { chromium, type Browser } from 'playwright-core';
import { annotateReturn, explanationKey } from '../../src/commands/annotateReturn';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { meetingPackOf } from '../../src/commands/meetingPackOf';
import { builtInFramework } from '../../src/frameworks/load';
import { packHtml } from '../../src/engine/report/packHtml';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { tableOf } from '../support/tables';

/** The meeting pack opened in real headless Chromium: it fetches nothing, and prints to A4. */
jest.setTimeout(120_000);
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(() => browser?.close());

async function filled(from: string, to: string) {
  const workbook = XlsxWorkbook.create();
  await fillReturn(workbook, { framework: builtInFramework('cambridgeshire'), period: periodFromIso(from, to), table: tableOf(HEADERS, ROWS) });
  return workbook;
}

it('renders the pack of a return and its previous period with no network request, and prints it on A4', async () => {
  const current = await filled('2020-04-01', '2020-09-30');
  const { read, findings } = await checkWorkbook(current, 'current.xlsx');
  // An explanation written as markup that would fetch from elsewhere if it were not escaped.
  const hostile = '<img src="http://example.invalid/x.png"> cleared in October';
  await annotateReturn(current, read, findings, new Map([[explanationKey(findings.find((f) => f.rule === 'waiting_lists_used')!), hostile]]));
  const previous = (await checkWorkbook(await filled('2019-10-01', '2020-03-31'), 'previous.xlsx')).read.data;
  const html = packHtml(await meetingPackOf(current, 'current.xlsx', [previous]));

  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });

  expect(requests).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Performance meeting pack' }).count()).resolves.toBe(1);
  await expect(page.getByText(hostile).count()).resolves.toBe(1);
  const charts = page.getByRole('img');
  expect(await charts.count()).toBeGreaterThan(3);
  expect(await charts.first().getAttribute('aria-labelledby')).toBeTruthy();
  const supportRow = await page.getByRole('row', { name: /^Victims receiving support/ }).first().innerText();
  expect(supportRow).toContain(String(read.data.values['support.total']));
  expect(supportRow).toContain(String(previous.values['support.total']));

  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  // A4 is 595 × 842 points: every page of the PDF has that box.
  const boxes = [...Buffer.from(pdf).toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes.length).toBeGreaterThan(1);
  expect(boxes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
  await page.close();
});
