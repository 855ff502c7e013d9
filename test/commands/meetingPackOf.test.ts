import { annotateReturn, explanationKey } from '../../src/commands/annotateReturn';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { meetingPackOf } from '../../src/commands/meetingPackOf';
import { prepareSubmission } from '../../src/commands/prepareSubmission';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { returnWith } from '../support/returns';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');

async function filledReturn() {
  const workbook = XlsxWorkbook.create();
  await fillReturn(workbook, { framework, period: periodFromIso('2020-04-01', '2020-09-30'), table: tableOf(HEADERS, ROWS) });
  return workbook;
}

describe('meetingPackOf: the pack of a received workbook', () => {
  it("carries the provider's explanation of a query typed in the Findings sheet, and the case rows' quality", async () => {
    const workbook = await filledReturn();
    const { read, findings } = await checkWorkbook(workbook, 'filled.xlsx');
    const waiting = findings.find((f) => f.rule === 'waiting_lists_used')!;
    await annotateReturn(workbook, read, findings, new Map([[explanationKey(waiting), 'The new ISVA post started a list.']]));

    const provider = (await workbook.names()).find((n) => n.name === 'return.provider')!;
    await workbook.apply([{ op: 'write', sheet: provider.sheet, at: provider.range, rows: [['Fenland Victim Care']] }]);

    const earlier = returnWith({ 'support.total': 3 }, { source: 'earlier.json', period: periodFromIso('2019-10-01', '2020-03-31') });
    const pack = await meetingPackOf(workbook, 'filled.xlsx', [earlier]);
    expect(pack.provider).toBe('Fenland Victim Care');
    expect(pack.findings.find((f) => f.message === waiting.message)?.explanation).toBe('The new ISVA post started a list.');
    expect(pack.previousPeriods).toEqual(['1 Oct 2019 – 31 Mar 2020']);
    // Rows J (a repeated Case ID) and N (no referral date) count nowhere; K exits before it was referred.
    expect(pack.cases).toMatchObject({ rows: ROWS.length, notCounted: 2 });
    expect(pack.cases!.contradictions).toContainEqual({ title: 'End date before start date', rows: 1 });
  });

  it("takes the workbook's Case IDs out of every message and explanation: the pack goes to the commissioner", async () => {
    const workbook = XlsxWorkbook.create();
    const rows = ROWS.map((row) => ({ ...row, 'Case ID': row['Case ID'] === 'N' ? null : `VS-${String(row['Case ID'])}-2020`, 'Case study': row['Case ID'] === 'A' ? 'word '.repeat(205) : (row['Case study'] ?? null) }));
    await fillReturn(workbook, { framework, period: periodFromIso('2020-04-01', '2020-09-30'), table: tableOf(HEADERS, rows) });
    const { read, findings } = await checkWorkbook(workbook, 'filled.xlsx');
    const withCases = findings.filter((f) => /VS-[A-Z]-2020/.test(f.message));
    expect(withCases.length).toBeGreaterThan(0);
    await annotateReturn(workbook, read, findings, new Map([[explanationKey(withCases[0]!), 'VS-A-2020 was a data entry slip.']]));
    const pack = await meetingPackOf(workbook, 'filled.xlsx', []);
    const text = JSON.stringify(pack.findings);
    expect(text).not.toMatch(/VS-[A-Z]-2020/);
    expect(text).toContain('[case] was a data entry slip.');
  });

  it('a submission copy has no case rows to judge, and says so', async () => {
    const workbook = await filledReturn();
    await prepareSubmission(workbook, 'filled.xlsx');
    expect((await meetingPackOf(workbook, 'submission.xlsx', [])).cases).toBeNull();
  });

  it('refuses an earlier period of another return', async () => {
    const other = { ...returnWith({}), framework: { ...framework, id: 'other', title: 'Another return' }, source: 'other.json' };
    await expect(meetingPackOf(await filledReturn(), 'filled.xlsx', [other])).rejects.toThrow('other.json is a return of "Another return" but filled.xlsx is one of "Cambridgeshire');
  });
});
