import { fillReturn } from '../../src/commands/fillReturn';
import { prepareSubmission } from '../../src/commands/prepareSubmission';
import { readReturn } from '../../src/commands/readReturn';
import { returnSheets } from '../../src/commands/returnLayout';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { parseRange } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { tableOf } from '../support/tables';
import { workbookContents } from '../support/workbookContents';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2024-04-01', '2024-09-30');
const HEADERS = ['Case ID', 'Referral date', 'Referral source', 'Crime type', 'Contacted', 'Support accepted', 'Support type', 'Case study'];
const casesWithStudies = (ids: string[]) =>
  tableOf(HEADERS, ids.map((id) => ({ 'Case ID': id, 'Referral date': '2024-04-02', 'Referral source': 'Police', 'Crime type': 'Burglary', Contacted: 'Yes', 'Support accepted': 'Yes', 'Support type': 'Single', 'Case study': `How ${id} was helped.` })), 'cases.csv');
const FIVE = ['VS-100001', 'VS-100002', 'VS-100003', 'VS-100004', 'VS-100005'];

/** Our template, as `returns template` writes it: room for three case studies. */
async function template() {
  const workbook = XlsxWorkbook.create();
  await workbook.apply(returnSheets(framework, () => null).operations);
  return workbook;
}
const studiesPlace = async (workbook: XlsxWorkbook) => (await workbook.names()).find((n) => n.name === 'list.caseStudies')!;

describe('a list filled into a return that already has its rows', () => {
  it('takes the blank rows below for more entries than the template has room for: all of them are checked and cleaned', async () => {
    const workbook = await template();
    const before = parseRange((await studiesPlace(workbook)).range);
    expect(before.bottom - before.top + 1).toBe(3);
    const { report } = await fillReturn(workbook, { framework, period, table: casesWithStudies(FIVE) });
    expect(report.notes.filter((n) => n.code === 'list_cut')).toEqual([]);
    const after = parseRange((await studiesPlace(workbook)).range);
    expect([after.top, after.bottom - after.top + 1]).toEqual([before.top, 5]);
    const read = await readReturn(workbook, 'return.xlsx');
    expect((read.data.lists.caseStudies as { caseId: string }[]).map((s) => s.caseId)).toEqual(FIVE);
    // The copy to send names no case: every Case ID written is in the list the submission cleans.
    await prepareSubmission(workbook, 'return.xlsx');
    expect(JSON.stringify((await workbookContents(workbook)).rows)).not.toMatch(/VS-10000\d/);
  });

  it('clears the rows an earlier fill wrote beyond the new entries', async () => {
    const workbook = await template();
    await fillReturn(workbook, { framework, period, table: casesWithStudies(FIVE) });
    await fillReturn(workbook, { framework, period, table: casesWithStudies(['VS-100009', 'VS-100008']) });
    const [rows] = await workbook.read([await studiesPlace(workbook)]);
    expect(rows!.map((r) => r[0] ?? null)).toEqual(['VS-100009', 'VS-100008', null, null, null]);
  });

  it('writes only what fits where the rows below hold cells of their own, and says so', async () => {
    const workbook = await template();
    const place = await studiesPlace(workbook);
    const { bottom, left } = parseRange(place.range);
    await workbook.apply([{ op: 'write', sheet: place.sheet, at: `A${bottom + 2}`, rows: [['Commissioner note: keep']] }]);
    const { report } = await fillReturn(workbook, { framework, period, table: casesWithStudies(FIVE) });
    expect((await studiesPlace(workbook)).range).toBe(place.range);
    const [rows] = await workbook.read([place]);
    expect(rows!.map((r) => r[0])).toEqual(FIVE.slice(0, 3));
    expect((await workbook.read([{ sheet: place.sheet, range: `A${bottom + 2}` }]))[0]![0]![0]).toBe('Commissioner note: keep');
    expect(left).toBe(1);
    expect(report.notes.filter((n) => n.code === 'list_cut').map((n) => n.message)).toEqual([
      expect.stringMatching(/^Case studies: the case data gives 5, but the return has room for 3 \(Narrative!A\d+:B\d+, .*the first 3 are written, the last 2 are not/),
    ]);
  });
});
