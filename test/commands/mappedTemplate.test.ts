import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { mappingOperations } from '../../src/commands/mappedWorkbook';
import { mapTemplate } from '../../src/commands/mapTemplate';
import { CASE_DATA_SHEET, CASES_SHEET } from '../../src/commands/returnLayout';
import type { Mapping } from '../../src/engine/mapping/mapping';
import { periodFromIso } from '../../src/engine/tally/period';
import { InputError } from '../../src/errors';
import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import { leftBlank } from '../../src/engine/report/tallyReport';
import { parseSheetCell } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { commissionerTemplates } from '../fixtures/templates';
import { diffSnapshots, snapshotWorkbook } from '../fixtures/templates/snapshot';
import { recalculateInLibreOffice } from '../support/libreoffice';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const table = tableOf(HEADERS, ROWS, 'cases.csv');
const ADDED_SHEETS = new Set([CASE_DATA_SHEET, CASES_SHEET, 'Returns Assistant']);
jest.setTimeout(240_000);

async function mapped(name: string): Promise<{ bytes: Uint8Array; mapping: Mapping }> {
  const bytes = await commissionerTemplates[name]!.build();
  const { mapping } = await mapTemplate(await XlsxWorkbook.fromBytes(bytes, `${name}.xlsx`), framework);
  return { bytes, mapping };
}

async function filledThrough(name: string) {
  const { bytes, mapping } = await mapped(name);
  const workbook = await XlsxWorkbook.fromBytes(bytes, `${name}.xlsx`);
  const { report } = await fillReturn(workbook, { framework, period, table, mapping });
  return { before: bytes, after: await workbook.toBytes(), mapping, report };
}

describe('filling a commissioner\u2019s own template through its mapping', () => {
  for (const name of ['A', 'B'])
    it(`template ${name}: a live formula in every mapped cell counted from cases, and every other cell, style, merge, validation and setting as it was`, async () => {
      const { before, after, mapping, report } = await filledThrough(name);
      const workbook = await XlsxWorkbook.fromBytes(after, 'filled.xlsx');
      // Figures the provider types in (the RJ service's) keep their cells open.
      const typed = new Set(figuresOf(framework).filter((f) => f.template.kind === 'input').map((f) => f.id));
      // A figure reading a column the export lacks is left blank: with a note when the service is asked it, as not
      // applicable (no note, not among the blanked) when its profile is not.
      const blank = leftBlank(report);
      const references = Object.entries(mapping.cells).filter(([id]) => !typed.has(id) && !blank[id]).map(([, cell]) => parseSheetCell(cell));
      const formulas = await workbook.formulas(references);
      expect(formulas.filter((f) => f === null)).toEqual([]);
      const ignore = new Set([...Object.values(mapping.cells), ...(mapping.period ? [mapping.period.from, mapping.period.to] : [])]);
      const differences = diffSnapshots(await snapshotWorkbook(before), await snapshotWorkbook(after, { withoutCellsOf: ADDED_SHEETS }), ignore, {
        ignoreSheets: ADDED_SHEETS,
        ignoreName: (n) => /^(case|period|return)\.|^[a-z_]+\.[a-z0-9_.]+$/.test(n),
      });
      expect(differences).toEqual([]);
    });

  it('takes a template that shows 0 in every box as not filled in yet, but a typed figure among zeros as typed', async () => {
    const { bytes, mapping } = await mapped('D');
    await expect(fillReturn(await XlsxWorkbook.fromBytes(bytes, 'D.xlsx'), { framework, period, table, mapping })).resolves.toMatchObject({ replaced: [] });
    const typed = await XlsxWorkbook.fromBytes(bytes, 'D.xlsx');
    const { sheet, cell } = parseSheetCell(mapping.cells['referrals.total']!);
    await typed.apply([{ op: 'write', sheet, at: cell, rows: [[40]] }]);
    const attempt = fillReturn(typed, { framework, period, table, mapping });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(/typed figures? differs? from what the case data gives/);
  });

  it('gives, recalculated by LibreOffice Calc, the tally at every mapped cell of both templates', async () => {
    for (const name of ['A', 'B']) {
      const { after, mapping, report } = await filledThrough(name);
      const recalculated = await XlsxWorkbook.fromBytes(recalculateInLibreOffice(after, `${name}.xlsx`), 'recalculated.xlsx');
      const ids = Object.keys(mapping.cells);
      const values = await recalculated.read(ids.map((id) => {
        const { sheet, cell } = parseSheetCell(mapping.cells[id]!);
        return { sheet, range: cell };
      }));
      const mismatches = ids.flatMap((id, i) => {
        const got = values[i]![0]![0] ?? null;
        return got === (report.figures[id] ?? null) ? [] : [`${name} ${id}: tally ${report.figures[id]}, LibreOffice ${String(got)}`];
      });
      expect(ids.length).toBeGreaterThan(500);
      expect(mismatches).toEqual([]);
    }
  });

  it('refuses a mapping that would write over a label, a formula of the commissioner\u2019s, a merged cell\u2019s hidden part or a missing sheet, writing nothing', async () => {
    const { bytes, mapping } = await mapped('A');
    const bad: Mapping = {
      ...mapping,
      cells: { ...mapping.cells, 'referrals.total': 'Outputs!B30', 'outcomes.total': 'Outcomes!C12', 'support.total': 'Cover!C4', 'outcomes.exits': 'Nowhere!A1', 'referrals.self': mapping.cells['referrals.by_source.police']! },
    };
    const workbook = await XlsxWorkbook.fromBytes(bytes, 'A.xlsx');
    const attempt = fillReturn(workbook, { framework, period, table, mapping: bad });
    await expect(attempt).rejects.toThrow(InputError);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toMatch(/referrals\.total: Outputs!B30 holds the label "Total number of victims"/);
    expect(message).toMatch(/outcomes\.total: Outcomes!C12 holds the template's own formula \(=SUM\(C8:C11\)\)/);
    expect(message).toMatch(/support\.total: Cover!C4 is inside a merged cell/);
    expect(message).toMatch(/outcomes\.exits: Nowhere!A1: the workbook has no sheet "Nowhere"/);
    expect(message).toMatch(/is bound to both referrals\.by_source\.police and referrals\.self/);
    expect(await workbook.sheetNames()).not.toContain(CASES_SHEET);
  });

  it('saved into the workbook, the mapping fills and checks like a template of its own, and travels with the file', async () => {
    const { bytes, mapping } = await mapped('B');
    const workbook = await XlsxWorkbook.fromBytes(bytes, 'B.xlsx');
    await workbook.apply(mappingOperations(mapping, framework, await workbook.sheetNames()));
    const saved = await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'B mapped.xlsx');
    const { report } = await fillReturn(saved, { framework, period, table });
    const { read, findings } = await checkWorkbook(saved, 'B mapped.xlsx');
    expect(read.data.framework.id).toBe('cambridgeshire');
    expect(read.data.held?.size).toBe(Object.keys(mapping.cells).length);
    expect(Object.entries(read.data.values).filter(([id, value]) => value !== (report.figures[id] ?? null))).toEqual([]);
    expect(read.data.cells['referrals.total']).toBe(mapping.cells['referrals.total']);
    expect(findings.filter((f) => f.code === 'missing' || f.rule === 'template_version')).toEqual([]);
    // Figures the template has no cell for were never named: none of them is a lost name.
    expect(Object.keys(mapping.cells).length).toBeLessThan(figuresOf(framework).length);
    expect(findings.filter((f) => f.rule === 'figure_names_lost')).toEqual([]);
  });
});

describe('checking returns of a commissioner\u2019s own template through its mapping', () => {
  it('finds a planted breakdown mismatch and names the commissioner\u2019s cell', async () => {
    const { after, mapping } = await filledThrough('B');
    const received = await XlsxWorkbook.fromBytes(after, 'received.xlsx');
    const { sheet, cell } = parseSheetCell(mapping.cells['referrals.by_crime.theft']!);
    const [[[theft]]] = (await received.read([{ sheet, range: cell }])) as [[[number]]];
    await received.apply([{ op: 'write', sheet, at: cell, rows: [[theft + 3]] }]);
    const { findings } = await checkWorkbook(await XlsxWorkbook.fromBytes(await received.toBytes(), 'received.xlsx'), 'received.xlsx', { mapping });
    const mismatch = findings.find((f) => f.rule === 'referrals_by_crime_sum')!;
    expect(mismatch.severity).toBe('error');
    expect(mismatch.cells).toContain(mapping.cells['referrals.by_crime.theft']);
    expect(mismatch.message).toMatch(/3 more/);
  });

  it('does not call figures the template does not hold missing, and lists the rules it could not apply', async () => {
    const { after, mapping } = await filledThrough('B');
    const { findings } = await checkWorkbook(await XlsxWorkbook.fromBytes(after, 'received.xlsx'), 'received.xlsx', { mapping });
    expect(mapping.cells['caseload_end.total']).toBeUndefined();
    expect(findings.filter((f) => f.code === 'missing')).toEqual([]);
    expect(findings.find((f) => f.rule === 'not_applicable')?.message).toMatch(/rules? relates? figures this template does not hold/);
  });

  it('still reports a mapped cell left blank as missing, at the commissioner\u2019s cell', async () => {
    const { bytes, mapping } = await mapped('B');
    const { findings } = await checkWorkbook(await XlsxWorkbook.fromBytes(bytes, 'blank.xlsx'), 'blank.xlsx', { mapping });
    const missing = findings.find((f) => f.code === 'missing')!;
    expect(missing.cells).toContain(mapping.cells['referrals.total']);
  });
});

describe('next period\u2019s copy of the template', () => {
  it('re-anchors last period\u2019s mapping: bindings follow their labels past inserted rows, and each move is reported', async () => {
    const { mapping: lastYear } = await mapped('A');
    const next = commissionerTemplates['A next year']!;
    const result = await mapTemplate(await XlsxWorkbook.fromBytes(await next.build(), 'next.xlsx'), framework, lastYear);
    const wrong = Object.entries(result.mapping.cells).filter(([id, cell]) => next.expected[id] !== cell);
    expect(wrong).toEqual([]);
    expect(Object.keys(result.mapping.cells)).toHaveLength(Object.keys(next.expected).length);
    expect(result.moves.length).toBeGreaterThan(100);
    // A label now in two places or gone is dropped and proposed afresh; every binding that moved moved right.
    expect(result.moves.filter((m) => m.to !== null && m.to !== next.expected[m.figure])).toEqual([]);
  });
});
