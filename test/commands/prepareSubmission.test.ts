import JSZip from 'jszip';
import fc from 'fast-check';
import { annotateReturn } from '../../src/commands/annotateReturn';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { CASE_SHEETS, prepareSubmission } from '../../src/commands/prepareSubmission';
import { readReturn } from '../../src/commands/readReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { CASE_HEADERS, validRows } from '../support/randomCases';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const HEADERS = [...CASE_HEADERS, 'Victim name', 'Worker', 'Case study'];

/** Case rows whose private values are unmistakable: every one must be gone from the submission copy. */
function privateCases() {
  const rows = fc.sample(validRows, { numRuns: 1, seed: 42 })[0]!.concat(fc.sample(validRows, { numRuns: 1, seed: 7 })[0]!);
  return rows.map((row, i) => ({
    ...row,
    'Case ID': `ZQ-${String(i).padStart(4, '0')}`,
    'Referral date': '2020-05-01',
    'Support accepted': 'Y',
    Eligible: 'Y',
    Contacted: 'Y',
    'Victim name': `Zebediah Quux${i}`,
    Worker: `Worker Xylo${i}`,
    'Case study': i < 3 ? `Case study ${i}: support helped the victim rebuild confidence.` : '',
  }));
}

async function packageText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('prepareSubmission: the copy sent to the commissioner', () => {
  it('holds no case row, Case ID or other case value, keeps every figure and reads back as the same return', async () => {
    const rows = privateCases();
    const filled = XlsxWorkbook.create();
    await fillReturn(filled, { framework, period, table: tableOf(HEADERS, rows) });
    // A typed figure that differs from the case data: its finding lists the Case IDs behind the computed one.
    const total = (await filled.names()).find((n) => n.name === 'referrals.total')!;
    await filled.apply([{ op: 'write', sheet: total.sheet, at: total.range, rows: [[999]] }]);
    const { read, findings } = await checkWorkbook(filled, 'filled.xlsx');
    expect(findings.some((f) => f.message.includes('ZQ-0000'))).toBe(true);
    await annotateReturn(filled, read, findings, new Map([[`${findings[0]!.rule}|${findings[0]!.figures[0] ?? ''}`, 'Case ZQ-0001 was closed late.']]));
    const narrative = (await filled.names()).find((n) => n.name === 'narrative.waiting_lists')!;
    await filled.apply([{ op: 'write', sheet: narrative.sheet, at: narrative.range, rows: [['Case ZQ-0002 waited longest, 12 days.']] }]);
    const filledBytes = await filled.toBytes();
    expect(await packageText(filledBytes)).toContain('ZQ-0000');

    const copy = await XlsxWorkbook.fromBytes(filledBytes, 'filled.xlsx');
    const result = await prepareSubmission(copy, 'filled.xlsx');
    expect(result.removedSheets).toEqual([...CASE_SHEETS]);
    const sent = await copy.toBytes();
    const xml = await packageText(sent);
    for (const row of rows)
      for (const value of [row['Case ID'], row['Victim name'], row.Worker]) expect(xml.includes(value)).toBe(false);
    expect(xml).not.toMatch(/Case data|'Cases'|case\.\w+/);

    const again = await XlsxWorkbook.fromBytes(sent, 'submission.xlsx');
    expect(await again.sheetNames()).toEqual(expect.not.arrayContaining([...CASE_SHEETS]));
    const before = await readReturn(await XlsxWorkbook.fromBytes(filledBytes, 'filled.xlsx'), 'filled.xlsx');
    const after = await readReturn(again, 'submission.xlsx');
    expect(after.data.values).toEqual(before.data.values);
    expect(after.data.period).toEqual(before.data.period);
    expect(after.formulas.size).toBe(0);
    expect((before.data.lists.caseStudies as unknown[]).length).toBeGreaterThan(0);
    expect(after.data.lists.caseStudies).toEqual(
      (before.data.lists.caseStudies as { text: string }[]).map((s, i) => ({ caseId: `Case study ${i + 1}`, text: s.text })),
    );
    // Findings and the provider's explanation stay, without the Case IDs.
    const findingsRows = (await again.readUsed('Findings')).map((r) => r.cells.join(' '));
    expect(findingsRows.join('\n')).toContain('Total new referrals is typed as 999');
    expect(findingsRows.join('\n')).toContain('Case [case] was closed late.');
    expect((await again.read([narrative]))[0]).toEqual([['Case [case] waited longest, 12 days.']]);
  }, 60_000);

  it('leaves the template\'s labels and the numbers in sentences alone when Case IDs are small numbers', async () => {
    const rows = privateCases().map((row, i) => ({ ...row, 'Case ID': String(i + 1) }));
    const filled = XlsxWorkbook.create();
    await fillReturn(filled, { framework, period, table: tableOf(HEADERS, rows) });
    const { read, findings } = await checkWorkbook(filled, 'filled.xlsx');
    await annotateReturn(filled, read, findings);
    const before = await Promise.all((await filled.sheetNames()).filter((s) => !(CASE_SHEETS as readonly string[]).includes(s)).map((s) => filled.readUsed(s)));
    await prepareSubmission(filled, 'filled.xlsx');
    const after = await Promise.all((await filled.sheetNames()).map((s) => filled.readUsed(s)));
    const texts = (sheets: { cells: unknown[] }[][]) => sheets.flatMap((rows) => rows.flatMap((r) => r.cells.filter((c) => typeof c === 'string')));
    expect(texts(after).filter((t) => !/^Case study \d+$/.test(t as string))).toEqual(texts(before).filter((t) => !/^\d+$/.test(t as string)));
  }, 60_000);
});
