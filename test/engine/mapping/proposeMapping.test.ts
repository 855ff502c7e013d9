import { proposeMapping } from '../../../src/engine/mapping/proposeMapping';
import { figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import { returnSheets } from '../../../src/commands/returnLayout';
import { sheetCell } from '../../../src/workbook/addresses';
import { XlsxWorkbook } from '../../../src/workbook/xlsxWorkbook';
import { commissionerTemplates } from '../../fixtures/templates';
import { scoreMapping } from '../../fixtures/templates/score';
import { gridsOf } from '../../support/grids';

const framework = builtInFramework('cambridgeshire');

/** Recall reached on each template; the mapper may do better, never worse, and never binds a cell wrongly. */
const RECALL: Record<string, number> = { A: 1, 'A next year': 1, B: 0.99, C: 1, D: 0.98 };

describe('proposeMapping on commissioners\u2019 own templates it was not written for', () => {
  for (const [name, template] of Object.entries(commissionerTemplates))
    it(`template ${name}: binds no cell wrongly, none it must leave alone, and finds at least ${RECALL[name]! * 100}% of the figures`, async () => {
      const workbook = await XlsxWorkbook.fromBytes(await template.build(), `${name}.xlsx`);
      const proposal = proposeMapping(framework, await gridsOf(workbook));
      const score = scoreMapping(template, proposal.mapping.cells);
      expect(score.wrong).toEqual([]);
      expect(score.forbidden).toEqual([]);
      expect(score.recall).toBeGreaterThanOrEqual(RECALL[name]!);
      if (template.period) expect(proposal.mapping.period).toEqual(template.period);
      if (template.provider) expect(proposal.mapping.provider).toBe(template.provider);
    });
});

describe('proposeMapping on the template it writes itself', () => {
  it('finds every figure at its named cell, sure of nearly all', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply(returnSheets(framework, () => null).operations);
    const proposal = proposeMapping(framework, await gridsOf(workbook));
    const names = new Map((await workbook.names()).map((n) => [n.name, sheetCell(n.sheet, n.range)]));
    const wrong = proposal.bindings.filter((b) => names.get(b.figure) !== b.cell);
    expect(wrong).toEqual([]);
    expect(proposal.bindings).toHaveLength(figuresOf(framework).length);
    expect(proposal.bindings.filter((b) => b.confidence === 'sure').length).toBeGreaterThan(figuresOf(framework).length - 5);
  });
});

describe('proposeMapping abstains rather than guessing', () => {
  const grid = (rows: (string | number | null)[][], bold: number[] = []) => ({
    sheet: 'Return',
    hidden: false,
    merges: [],
    hiddenColumns: [],
    cells: rows.flatMap((cells, r) => cells.flatMap((value, c) => (value === null ? [] : [{ row: r + 1, column: c + 1, value, formula: null, bold: bold.includes(r + 1), filled: false, indent: 0 }]))),
  });

  it('leaves a label that two figures share unmapped when no heading says which, and lists the cells considered', () => {
    const proposal = proposeMapping(framework, [grid([['Total number of victims', null], ['Total number of victims', null]])]);
    expect(proposal.mapping.cells['caseload_start.total']).toBeUndefined();
    expect(proposal.mapping.cells['referrals.total']).toBeUndefined();
    expect(proposal.unmapped.find((u) => u.figure === 'referrals.total')!.candidates.map((c) => c.cell)).toEqual(['Return!B1', 'Return!B2']);
  });

  it('tells the same words apart by the section heading above them', () => {
    const proposal = proposeMapping(framework, [
      grid([['Existing caseload', null], ['Total number of victims', null], ['New referrals', null], ['Total number of victims', null]], [1, 3]),
    ]);
    expect(proposal.mapping.cells['caseload_start.total']).toBe('Return!B2');
    expect(proposal.mapping.cells['referrals.total']).toBe('Return!B4');
  });

  it('binds nothing to a bare "Total", a pooled category or a question the framework does not ask', () => {
    const proposal = proposeMapping(framework, [
      grid([['New referrals by source', null], ['Police', null], ['Self-referral', null], ['Other / not known', null], ['Total', null], ['Number of staff', null]], [1]),
    ]);
    const bound = new Set(Object.values(proposal.mapping.cells));
    expect([...bound].sort()).toEqual(['Return!B2', 'Return!B3']);
    expect(proposal.unclaimed).toEqual([]);
  });

  it('offers figures counted from event rows, a breakdown by an event table\'s column found as a case breakdown is', () => {
    const safeSpaces = builtInFramework('safe-spaces');
    const proposal = proposeMapping(safeSpaces, [
      grid([['Total points of contact per type', null], ['Live chat', null], ['Email', null], ['Phone call', null], ['SMS activity', null], ['Video call', null], ['Letter', null], ['Total', null], ['Service users given a risk assessment', null]], [1]),
    ]);
    expect(['live_chat', 'email', 'phone', 'sms', 'video', 'letter'].map((c) => proposal.mapping.cells[`kpi.k32.by_channel.${c}`])).toEqual(['Return!B2', 'Return!B3', 'Return!B4', 'Return!B5', 'Return!B6', 'Return!B7']);
    expect(proposal.mapping.cells['kpi.k18.risk_assessment']).toBe('Return!B9');
  });

  it('binds every event figure of a Safe Spaces return laid out by the product, its names taken away, to its own cell', async () => {
    const safeSpaces = builtInFramework('safe-spaces');
    const workbook = XlsxWorkbook.create();
    const laid = returnSheets(safeSpaces, () => null);
    await workbook.apply(laid.operations.filter((o) => o.op !== 'defineName'));
    const proposal = proposeMapping(safeSpaces, await gridsOf(workbook));
    const events = figuresOf(safeSpaces).filter((f) => f.template.kind === 'event_count' || f.template.kind === 'event_cases');
    const wrong = events.filter((f) => proposal.mapping.cells[f.id] !== sheetCell(laid.cells.get(f.id)!.sheet, laid.cells.get(f.id)!.cell)).map((f) => `${f.id}: ${proposal.mapping.cells[f.id]}`);
    expect(events.length).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });
});
