import { fillReturn, REPLACED_SHEET } from '../../src/commands/fillReturn';
import { returnSheets, CASE_DATA_SHEET, CASES_SHEET } from '../../src/commands/returnLayout';
import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { leftBlank, tallyTable } from '../../src/engine/report/tallyReport';
import { InputError } from '../../src/errors';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { tableOf } from '../support/tables';
import { workbookContents } from '../support/workbookContents';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const table = tableOf(HEADERS, ROWS, 'cases.csv');

async function template() {
  const workbook = XlsxWorkbook.create();
  await workbook.apply(returnSheets(framework, () => null).operations);
  return workbook;
}
const place = async (workbook: XlsxWorkbook, id: string) => (await workbook.names()).find((n) => n.name === id)!;

describe('fillReturn into a new workbook', () => {
  it('puts a live formula with its value in every figure cell counted from cases, named by the figure id', async () => {
    const workbook = XlsxWorkbook.create();
    const { report } = await fillReturn(workbook, { framework, period, table, profile: 'rj' });
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    // Figures the provider types in (the RJ service's) are named too, and left blank to type into.
    const typed = figuresOf(framework).filter((f) => f.template.kind === 'input').map((f) => names.get(f.id)!);
    expect(typed.length).toBeGreaterThan(0);
    expect((await workbook.read(typed)).map((v) => v[0]![0] ?? null)).toEqual(typed.map(() => null));
    // A figure reading a column the export lacks (the RJ service's Conference completed) is left blank, with a note.
    expect(report.blanked).toEqual({ 'rj.weeks_to_conference': ['conference_date'] });
    expect((await workbook.looks([{ sheet: names.get('rj.weeks_to_conference')!.sheet, cell: names.get('rj.weeks_to_conference')!.range }]))[0]!.note).toMatch(/Conference completed/);
    const ids = figuresOf(framework).filter((f) => f.template.kind !== 'input' && !report.blanked[f.id]).map((f) => f.id);
    const places = ids.map((id) => names.get(id)!);
    expect(places.every(Boolean)).toBe(true);
    const formulas = await workbook.formulas(places.map((p) => ({ sheet: p.sheet, cell: p.range })));
    expect(formulas.filter((f) => !f)).toEqual([]);
    const values = await workbook.read(places);
    expect(values.map((v) => (v[0]![0] === '' ? null : v[0]![0]))).toEqual(ids.map((id) => report.figures[id]));
  });

  it('leaves a figure the service is not asked blank without calling it missing', async () => {
    const workbook = XlsxWorkbook.create();
    const { report } = await fillReturn(workbook, { framework, period, table, profile: 'general' });
    expect(report.blanked).toEqual({});
    const at = (await workbook.names()).find((n) => n.name === 'rj.weeks_to_conference')!;
    expect([(await workbook.read([at]))[0]![0]![0] ?? null, (await workbook.looks([{ sheet: at.sheet, cell: at.range }]))[0]!.note]).toEqual([null, null]);
  });

  it('leaves blank, and notes, what the tally\'s report says under each profile: one rule for both', async () => {
    for (const profile of framework.profiles.map((p) => p.id)) {
      const tallied = tallyTable(table, framework, period, { profile });
      const workbook = XlsxWorkbook.create();
      const { report } = await fillReturn(workbook, { framework, period, table, profile });
      expect([report.blanked, report.blankedNotAsked]).toEqual([tallied.blanked, tallied.blankedNotAsked]);
      const names = new Map((await workbook.names()).map((n) => [n.name, n]));
      const blank = Object.keys(leftBlank(tallied)).filter((id) => names.has(id));
      const cells = blank.map((id) => ({ sheet: names.get(id)!.sheet, cell: names.get(id)!.range }));
      // Every figure left blank has no formula; only those the profile is asked get a note.
      expect(await workbook.formulas(cells)).toEqual(cells.map(() => null));
      const noted = (await workbook.looks(cells)).flatMap((look, i) => (look.note ? [blank[i]] : []));
      expect(noted.sort()).toEqual(Object.keys(tallied.blanked).filter((id) => names.has(id)).sort());
    }
    // The profiles differ here: the RJ figure is noted for the RJ service only.
    expect(tallyTable(table, framework, period, { profile: 'general' }).blankedNotAsked).toEqual({ 'rj.weeks_to_conference': ['conference_date'] });
  });

  it('keeps the pasted cases exactly, and writes one normalised row per counted case', async () => {
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework, period, table });
    const original = await workbook.readUsed(CASE_DATA_SHEET);
    expect(original.map((r) => r.cells.slice(0, 2))).toEqual(table.rows.map((r) => r.cells.slice(0, 2)));
    const normalised = await workbook.readUsed(CASES_SHEET);
    expect(normalised).toHaveLength(1 + ROWS.length - 1); // the repeated Case ID is left out
    expect(normalised[0]!.cells.slice(0, 4)).toEqual(['Row in case data', 'Case ID', 'Referral date', 'Referral source']);
    const b = normalised.find((r) => r.cells[1] === 'B')!;
    expect(b.cells.slice(2, 5)).toEqual([new Date(Date.UTC(2020, 2, 15)), 'Police (local force)', 'Violence against the person']);
  });

  it('sets the period cells', async () => {
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework, period, table });
    const from = await place(workbook, 'period.from');
    expect((await workbook.read([from]))[0]).toEqual([[new Date(Date.UTC(2020, 3, 1))]]);
  });
});

describe('fillReturn into a return a provider already has', () => {
  it('fills an empty template', async () => {
    const workbook = await template();
    await fillReturn(workbook, { framework, period, table });
    const total = await place(workbook, 'referrals.total');
    expect(await workbook.formulas([{ sheet: total.sheet, cell: total.range }])).toEqual([expect.stringContaining('COUNTIFS(')]);
  });

  it('tells when it changes the period the return held, and when the Findings sheet is from a check before it', async () => {
    const notesOf = (report: { notes: { code: string; message: string }[] }) => report.notes.filter((n) => n.code === 'period_changed' || n.code === 'findings_stale').map((n) => n.message);
    const quarter = XlsxWorkbook.create();
    await quarter.apply(returnSheets(framework, () => null, { period: { from: new Date(Date.UTC(2020, 3, 1)), to: new Date(Date.UTC(2020, 5, 30)) } }).operations);
    expect(notesOf((await fillReturn(quarter, { framework, period, table })).report)).toEqual(["The return's period was 1 Apr 2020 to 30 Jun 2020; it is now 1 Apr 2020 to 30 Sep 2020, the period the fill was given."]);
    // Filled again for the same period: nothing to tell.
    expect(notesOf((await fillReturn(quarter, { framework, period, table })).report)).toEqual([]);
    await quarter.apply([{ op: 'addSheet', sheet: 'Findings' }, { op: 'write', sheet: 'Findings', at: 'A1', rows: [['Severity', 'Message']] }]);
    expect(notesOf((await fillReturn(quarter, { framework, period, table })).report)).toEqual([expect.stringMatching(/^The "Findings" sheet is from a check of the figures before this fill: check the return again/)]);
  });

  it('stops, writing nothing, when a typed figure differs from the case data, and lists each difference', async () => {
    const workbook = await template();
    const total = await place(workbook, 'referrals.total');
    const support = await place(workbook, 'support.total');
    await workbook.apply([
      { op: 'write', sheet: total.sheet, at: total.range, rows: [[607]] },
      { op: 'write', sheet: support.sheet, at: support.range, rows: [[7]] }, // what the case data gives: not a difference
    ]);
    const before = await workbookContents(workbook);
    const attempt = fillReturn(workbook, { framework, period, table });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(/1 typed figure differs from what the case data gives, so nothing was written:\n {2}Outputs!B\d+ Total new referrals: typed 607, the case data gives 9\n.*--overwrite/s);
    expect(await workbookContents(workbook)).toEqual(before);
  });

  it('replaces typed figures with --overwrite, keeping them in a sheet of their own', async () => {
    const workbook = await template();
    const total = await place(workbook, 'referrals.total');
    await workbook.apply([{ op: 'write', sheet: total.sheet, at: total.range, rows: [['***']] }]);
    const { replaced } = await fillReturn(workbook, { framework, period, table, overwrite: true });
    expect(replaced).toMatchObject([{ figure: 'referrals.total', was: '***', now: 9 }]);
    expect((await workbook.readUsed(REPLACED_SHEET)).map((r) => r.cells)).toEqual([
      ['Figure', 'Cell', 'Typed value replaced', 'Value from the case data'],
      ['Total new referrals', `${total.sheet}!${total.range}`, '***', 9],
    ]);
  });

  it('refuses a workbook of another framework', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([{ op: 'addSheet', sheet: 'Other' }, { op: 'defineName', name: 'something', sheet: 'Other', range: 'A1' }]);
    await expect(fillReturn(workbook, { framework, period, table })).rejects.toThrow(/The workbook is not a Cambridgeshire victim services monitoring return/);
  });
});
