import { fillReturn } from '../../src/commands/fillReturn';
import { mapTemplate } from '../../src/commands/mapTemplate';
import { CASE_SHEETS } from '../../src/commands/prepareSubmission';
import { publishReturn, SUPPRESSION_SHEET } from '../../src/commands/publishReturn';
import { readReturn } from '../../src/commands/readReturn';
import { FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { annotateReturn } from '../../src/commands/annotateReturn';
import { SUPPRESSED } from '../../src/engine/disclosure/suppression';
import { periodFromIso } from '../../src/engine/tally/period';
import { builtInFramework } from '../../src/frameworks/load';
import { cellAddress } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { commissionerTemplates } from '../fixtures/templates';
import { tableOf } from '../support/tables';
import { workbookContents } from '../support/workbookContents';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
jest.setTimeout(120_000);

async function filled(): Promise<XlsxWorkbook> {
  const workbook = XlsxWorkbook.create();
  await fillReturn(workbook, { framework, period, table: tableOf(HEADERS, ROWS) });
  const { read, findings } = await checkWorkbook(workbook, 'filled.xlsx');
  await annotateReturn(workbook, read, findings);
  return workbook;
}

describe('publishReturn: the copy to publish', () => {
  it('under5: values only, no case rows, findings or free text, figures named, [c] for every count of 1 to 4 with a footnote and a summary', async () => {
    const original = await filled();
    const before = await readReturn(original, 'filled.xlsx');
    const workbook = await XlsxWorkbook.fromBytes(await original.toBytes(), 'filled.xlsx');
    const publication = await publishReturn(workbook, 'filled.xlsx', 'under5');

    const sheets = await workbook.sheetNames();
    for (const gone of [...CASE_SHEETS, FINDINGS_SHEET]) expect(sheets).not.toContain(gone);
    const contents = await workbookContents(workbook);
    for (const sheet of sheets) expect((await workbook.formulas((await workbook.readUsed(sheet)).flatMap((r) => r.cells.map((_, i) => ({ sheet, cell: cellAddress(r.number, i + 1) }))))).filter((f) => f !== null)).toEqual([]);

    const after = await readReturn(workbook, 'public.xlsx');
    expect(after.data.period).toEqual(before.data.period);
    let small = 0;
    for (const [id, value] of Object.entries(before.data.values)) {
      const shown = after.data.values[id];
      if (typeof value === 'number' && value >= 1 && value <= 4 && !id.startsWith('waiting.')) {
        small++;
        expect([id, shown]).toEqual([id, SUPPRESSED]);
      } else if (shown !== SUPPRESSED) expect([id, shown]).toEqual([id, value]);
    }
    expect(small).toBeGreaterThan(0);
    expect(publication.suppressed.filter((s) => s.reason === 'small')).toHaveLength(small);

    // The footnote under each table holding [c], and the summary sheet listing each suppressed cell.
    const outputs = JSON.stringify(contents);
    expect(outputs).toContain('[c] Confidential: suppressed so that no victim can be identified');
    const summary = (await workbook.readUsed(SUPPRESSION_SHEET)).filter((r) => r.number > 5);
    expect(summary.map((r) => r.cells[3])).toEqual(publication.suppressed.map((s) => s.id));
    // The case studies' text is gone with the case sheets.
    expect(outputs).not.toContain('A short story of support.');
  });

  it('ons: counts under 10 suppressed and the rest rounded to 5', async () => {
    const original = await filled();
    const bytes = await original.toBytes();
    const copy = await XlsxWorkbook.fromBytes(bytes, 'filled.xlsx');
    await publishReturn(copy, 'filled.xlsx', 'ons');
    const after = await readReturn(copy, 'public.xlsx');
    for (const [id, shown] of Object.entries(after.data.values))
      if (typeof shown === 'number' && !id.startsWith('waiting.')) expect([id, shown % 5 === 0 && (shown === 0 || shown >= 10)]).toEqual([id, true]);
  });

  it("a commissioner's own template through its mapping: its figure cells named by their ids in the copy", async () => {
    const bytes = await commissionerTemplates['A']!.build();
    const { mapping } = await mapTemplate(await XlsxWorkbook.fromBytes(bytes, 'A.xlsx'), framework);
    const workbook = await XlsxWorkbook.fromBytes(bytes, 'A.xlsx');
    await fillReturn(workbook, { framework, period, table: tableOf(HEADERS, ROWS), mapping });
    await publishReturn(workbook, 'A.xlsx', 'under5', { mapping });
    const names = new Set((await workbook.names()).map((n) => n.name));
    for (const id of Object.keys(mapping.cells)) expect(names.has(id)).toBe(true);
    const read = await readReturn(workbook, 'public.xlsx');
    expect(Object.values(read.data.values).filter((v) => typeof v === 'number' && v >= 1 && v <= 4)).toEqual([]);
  });
});
