import ExcelJS from 'exceljs';
import { annotateReturn, FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { clearHighlights, MARKS_SHEET } from '../../src/commands/cellMarks';
import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { builtInFramework, parseFramework } from '../../src/frameworks/load';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';
import { findingSchema } from '../../src/engine/checks/findings';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { recalculateInLibreOffice } from '../support/libreoffice';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');

/** A filled return in which a provider then typed over some figures. */
async function receivedReturn(typed: Record<string, unknown>) {
  const workbook = XlsxWorkbook.create();
  await fillReturn(workbook, { framework, period, table: tableOf(HEADERS, ROWS) });
  const names = new Map((await workbook.names()).map((n) => [n.name, n]));
  await workbook.apply(Object.entries(typed).map(([id, value]) => ({ op: 'write' as const, sheet: names.get(id)!.sheet, at: names.get(id)!.range, rows: [[value as string | number]] })));
  return { workbook: await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'received.xlsx'), names };
}

describe('checkWorkbook', () => {
  it('says which figures lost their cell names instead of calling cells that hold numbers blank', async () => {
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework, period, table: tableOf(HEADERS, ROWS) });
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load((await workbook.toBytes()) as unknown as ArrayBuffer);
    const definedNames = excel.definedNames as unknown as { getRanges(name: string): { ranges: string[] }; remove(location: string, name: string): void };
    const deleted = ['referrals.by_crime.theft', 'demographics.gender.female.theft', 'demographics.age.18_24.violence'];
    for (const name of deleted) for (const location of definedNames.getRanges(name).ranges) definedNames.remove(location, name);
    const received = await XlsxWorkbook.fromBytes(new Uint8Array(await excel.xlsx.writeBuffer()), 'received.xlsx');
    const { findings } = await checkWorkbook(received, 'received.xlsx');
    expect(findings.filter((f) => f.code === 'missing')).toEqual([]);
    const lost = findings.find((f) => f.rule === 'figure_names_lost')!;
    expect(lost.severity).toBe('query');
    expect([...lost.figures].sort()).toEqual([...deleted].sort());
    expect(lost.hint).toMatch(/returns map/);
  });

  it('finds the planted mistakes at their cells', async () => {
    const { workbook, names } = await receivedReturn({ 'referrals.by_source.police': 5, 'support.total': '***' });
    const { findings } = await checkWorkbook(workbook, 'received.xlsx');
    const source = findings.find((f) => f.rule === 'referrals_by_source_sum')!;
    expect(source.message).toBe('New referrals by source add up to 11 but Total new referrals is 9 (2 more).');
    expect(source.cells).toContain(`${names.get('referrals.by_source.police')!.sheet}!${names.get('referrals.by_source.police')!.range}`);
    expect(findings.find((f) => f.rule === 'figures_not_numbers')).toMatchObject({ figures: ['support.total'], cells: [`Outputs!${names.get('support.total')!.range}`] });
  });

  it('compares typed figures with the case data the workbook holds, naming the cases behind the figure', async () => {
    const { workbook } = await receivedReturn({ 'referrals.by_source.police': 5 });
    const { findings } = await checkWorkbook(workbook, 'received.xlsx');
    expect(findings.find((f) => f.code === 'typed_differs_from_cases')).toMatchObject({
      severity: 'error',
      figures: ['referrals.by_source.police'],
      message: 'New referrals from Police (local force) is typed as 5, but the case data in this workbook gives 3 (2 more). The cases behind 3: G, K, P.',
      cases: ['G', 'K', 'P'],
    });
  });

  it('finds nothing wrong with a return filled from clean case data', async () => {
    const clean = ROWS.filter((r) => !['I', 'K', 'N'].includes(String(r['Case ID']))).map((r) => (r['Support type'] === undefined && r['Support accepted'] === 'Yes' ? { ...r, 'Support type': 'Ongoing' } : r));
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework, period, table: tableOf(HEADERS, clean.filter((r, i) => clean.findIndex((x) => x['Case ID'] === r['Case ID']) === i)) });
    const { findings } = await checkWorkbook(workbook, 'clean.xlsx');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads a figure whose name was lost from beside its label', async () => {
    const { workbook, names } = await receivedReturn({});
    const bytes = await workbook.toBytes();
    const edited = await XlsxWorkbook.fromBytes(bytes, 'x.xlsx');
    const total = names.get('referrals.total')!;
    (edited as unknown as { workbook: { definedNames: { remove(l: string, n: string): void } } }).workbook.definedNames.remove(`${total.sheet}!$${total.range.replace(/(\d+)/, '$$$1')}`, 'referrals.total');
    expect((await edited.names()).some((n) => n.name === 'referrals.total')).toBe(false);
    const { read } = await checkWorkbook(edited, 'x.xlsx');
    expect(read.data.values['referrals.total']).toBe(9);
    expect(read.data.cells['referrals.total']).toBe(`${total.sheet}!${total.range}`);
  });

  it('queries a return made from another template version', async () => {
    const { workbook, names } = await receivedReturn({});
    const version = names.get('return.version')!;
    await workbook.apply([{ op: 'write', sheet: version.sheet, at: version.range, rows: [['2019-20.3']] }]);
    const { findings } = await checkWorkbook(workbook, 'old.xlsx');
    const query = findings.find((f) => f.code === 'template_version')!;
    expect(query.severity).toBe('query');
    expect(query.message).toMatch(/^This return was made from template version 2019-20\.3; the current Cambridgeshire victim services monitoring return is version 2020-21\.3\. Since then: The existing caseload/);
    expect(query.params.changed).toEqual(expect.arrayContaining(['caseload_start.total', 'support.disengaged', 'cjs.reported_to_police']));
  });

  it('reads and checks a return filled from the previous template version, saying which figures changed meaning', async () => {
    // Version 2020-21.1 as it was: without the figures, rules, targets, rates and service profiles later versions added.
    const added = new Set(framework.changes.flatMap((c) => c.added));
    const previous = parseFramework(
      {
        ...cambridgeshire,
        version: '2020-21.1',
        changes: [],
        figures: cambridgeshire.figures.filter((f) => !added.has(f.id)),
        rules: cambridgeshire.rules.filter((r) => !JSON.stringify(r).includes('without') && !JSON.stringify(r).includes('rj.')),
        targets: cambridgeshire.targets.filter((t) => !JSON.stringify(t).includes('without')),
        rates: cambridgeshire.rates.filter((r) => !JSON.stringify(r).includes('without')),
        profiles: [],
      },
      'version 2020-21.1',
    );
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework: previous, period, table: tableOf(HEADERS, ROWS) });
    const { read, findings } = await checkWorkbook(await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'last-year.xlsx'), 'last-year.xlsx');
    expect(read.version).toBe('2020-21.1');
    expect(findings.filter((f) => f.code === 'missing')).toEqual([]);
    const query = findings.find((f) => f.code === 'template_version')!;
    expect(query.message).toContain('Figures this return has no cell for: Supported victims exiting with no outcome recorded;');
    expect(query.figures).toEqual(expect.arrayContaining(['caseload_end.total', 'support.ineligible']));
    // A general service is not asked for the restorative justice service's figures, added since or not.
    const rjLabels = cambridgeshire.figures.filter((f) => f.id.startsWith('rj.')).map((f) => f.label);
    expect(rjLabels.length).toBeGreaterThan(0);
    for (const label of rjLabels) expect(query.message).not.toContain(label);
  });

  it('names the cases behind an outcome query, and gives every finding its code, parameters, title and reference', async () => {
    const { workbook } = await receivedReturn({ 'referrals.by_source.police': 5 });
    const { findings } = await checkWorkbook(workbook, 'received.xlsx');
    expect(findings.find((f) => f.rule === 'exits_without_outcome')).toMatchObject({
      code: 'threshold',
      severity: 'query',
      ref: '8',
      title: 'Every victim exiting has at least one outcome',
      params: { actual: 1, limit: 0 },
      cases: ['K'],
    });
    expect(findings.find((f) => f.rule === 'referrals_by_source_sum')).toMatchObject({ code: 'sum', ref: '1', params: { actual: 11, expected: 9, difference: 2 } });
    for (const finding of findings) expect(findingSchema.parse(finding)).toEqual(finding);
  });

  it('refuses a workbook that is not a return', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([{ op: 'addSheet', sheet: 'Sheet1' }]);
    await expect(checkWorkbook(workbook, 'budget.xlsx')).rejects.toThrow(/budget\.xlsx does not say which return it is/);
  });
});

describe('annotateReturn', () => {
  it('writes a Findings sheet, highlights and notes, and keeps explanations on the next run', async () => {
    const { workbook } = await receivedReturn({ 'waiting.average_number': 3, 'referrals.by_source.police': 5 });
    const first = await checkWorkbook(workbook, 'received.xlsx');
    await annotateReturn(workbook, first.read, first.findings);
    const sheet = await workbook.readUsed(FINDINGS_SHEET);
    expect(sheet[0]!.cells).toEqual(['Severity', 'Message', 'What to do', 'Cell', 'Explanation (provider)', 'Rule', 'Figure']);
    const waitingRow = sheet.findIndex((r) => r.cells[5] === 'waiting_lists_used');
    expect(sheet[waitingRow]!.cells.slice(0, 2)).toEqual(['Query', 'Average number of victims on waiting lists is 3; the target is at most 0.']);
    expect(sheet[waitingRow]!.cells[3]).toMatch(/^Outputs!B\d+$/);

    // The provider explains the query; the commissioner checks the file again.
    await workbook.apply([{ op: 'write', sheet: FINDINGS_SHEET, at: `E${sheet[waitingRow]!.number}`, rows: [['Spike after a new ISVA post; list cleared in October.']] }]);
    const reopened = await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'explained.xlsx');
    const second = await checkWorkbook(reopened, 'explained.xlsx');
    const { explanationsKept } = await annotateReturn(reopened, second.read, second.findings);
    expect(explanationsKept).toBe(1);
    const again = await reopened.readUsed(FINDINGS_SHEET);
    expect(again.find((r) => r.cells[5] === 'waiting_lists_used')!.cells[4]).toBe('Spike after a new ISVA post; list cleared in October.');
    expect(again).toHaveLength(sheet.length);
  });

  it('colours only the flagged cells, by severity, and puts back each cell\'s own fill and note', async () => {
    const { workbook } = await receivedReturn({ 'waiting.average_number': 3, 'referrals.by_source.police': 5 });
    // The commissioner's own looks: a green figure cell with a note, on a flagged cell and on one left alone.
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    const own = ['referrals.by_source.police', 'referrals.total'].map((id) => names.get(id)!);
    await workbook.apply(own.flatMap((n) => [{ op: 'fill' as const, sheet: n.sheet, range: n.range, fill: { color: '#C6E0B4' } }, { op: 'note' as const, sheet: n.sheet, cell: n.range, text: 'Commissioner: count each victim once' }]));
    const opened = await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'received.xlsx');
    const { read, findings } = await checkWorkbook(opened, 'received.xlsx');
    const cells = [...read.places.values()].map((p) => ({ sheet: p.sheet, cell: p.range }));
    const before = await opened.looks(cells);

    await annotateReturn(opened, read, findings);
    const annotated = await XlsxWorkbook.fromBytes(await opened.toBytes(), 'annotated.xlsx');
    const worst = (id: string) => (['error', 'query'] as const).find((s) => findings.some((f) => f.severity === s && f.figures.includes(id)));
    const expected = [...read.places.keys()].map((id, i) => ({ error: '#F8CBAD', query: '#FFE699', none: before[i]!.fill?.color ?? null })[worst(id) ?? 'none']);
    expect((await annotated.looks(cells)).map((l) => l.fill?.color ?? null)).toEqual(expected);
    expect(expected.filter((c) => c === '#F8CBAD').length).toBeGreaterThan(0);
    expect(expected.filter((c) => c === '#FFE699').length).toBeGreaterThan(0);

    // Written again with nothing found, and cleared: every cell looks as it did, the commissioner's notes back.
    const rewritten = await XlsxWorkbook.fromBytes(await annotated.toBytes(), 'again.xlsx');
    await annotateReturn(rewritten, read, []);
    expect((await rewritten.looks(cells)).map((l) => [l.fill?.color ?? null, l.note])).toEqual(before.map((l) => [l.fill?.color ?? null, l.note]));
    expect(await rewritten.sheetNames()).not.toContain(MARKS_SHEET);
    expect(await clearHighlights(annotated)).toEqual({ cellsRestored: expect.any(Number) });
    expect(await annotated.looks(cells)).toEqual(before);
  });

  it('takes off highlights written before their looks were recorded', async () => {
    const { workbook, names } = await receivedReturn({});
    const police = names.get('referrals.by_source.police')!;
    await workbook.apply([
      { op: 'addSheet', sheet: FINDINGS_SHEET },
      { op: 'style', sheet: police.sheet, range: police.range, style: 'error' },
      { op: 'note', sheet: police.sheet, cell: police.range, text: 'Error: old' },
    ]);
    const { read } = await checkWorkbook(workbook, 'old.xlsx');
    await annotateReturn(workbook, read, []);
    const [look] = await workbook.looks([{ sheet: police.sheet, cell: police.range }]);
    expect(look).toEqual({ fill: expect.objectContaining({ color: '#F2F2F2' }), note: null });
  });

  it('makes a copy that opens cleanly in LibreOffice', async () => {
    const { workbook } = await receivedReturn({ 'referrals.by_source.police': 5 });
    const { read, findings } = await checkWorkbook(workbook, 'received.xlsx');
    await annotateReturn(workbook, read, findings);
    const converted = await XlsxWorkbook.fromBytes(recalculateInLibreOffice(await workbook.toBytes(), 'annotated.xlsx'), 'converted.xlsx');
    expect(await converted.sheetNames()).toContain(FINDINGS_SHEET);
  }, 120_000);
});
