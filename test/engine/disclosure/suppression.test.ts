import fc from 'fast-check';
import safeSpaces from '../../fixtures/safe-spaces-kpi.json';
import { figuresOf } from '../../../src/frameworks/expand';
import { parseFramework } from '../../../src/frameworks/load';
import type { FigureCell, ReturnData } from '../../../src/engine/checks/returnData';
import type { Equation } from '../../../src/engine/disclosure/recovery';
import { determinedCells } from '../../../src/engine/disclosure/recovery';
import { disclosureEquations, protectReturn, SUPPRESSED, type Preset } from '../../../src/engine/disclosure/suppression';
import { cambridgeshire, returnWith } from '../../support/returns';

const ids = figuresOf(cambridgeshire).map((f) => f.id);
const counts = new Set(figuresOf(cambridgeshire).filter((f) => ['count', 'sum', 'sum_of'].includes(f.template.kind)).map((f) => f.id));
const equations = disclosureEquations(cambridgeshire);

/** A figure as providers' returns hold them: many small counts and zeros, some large, now and then a blank or text. */
const figureValue: fc.Arbitrary<FigureCell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 3, arbitrary: fc.integer({ min: 13, max: 400 }) },
  { weight: 1, arbitrary: fc.constantFrom<FigureCell>(null, 'N/A') },
);
const randomReturn = fc.array(figureValue, { minLength: ids.length, maxLength: ids.length }).map((values) => returnWith(Object.fromEntries(ids.map((id, i) => [id, values[i]!]))));

/**
 * The independent proof that a hidden cell cannot be recovered: a change to the hidden cells that moves it and
 * keeps every equation true, so the published figures fit two different values of it. The candidates are a basis
 * of the equations' null space over the hidden cells, found by floating-point elimination; each is verified by
 * plain multiplication, not by the code under test.
 */
function nullSpaceBasis(equationList: readonly Equation[], hidden: string[]): number[][] {
  const rows = equationList.map((e) => hidden.map((h) => e.get(h) ?? 0)).filter((r) => r.some((v) => v !== 0));
  const pivotOf: number[] = [];
  let r = 0;
  for (let c = 0; c < hidden.length && r < rows.length; c++) {
    let best = r;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const p = rows[r]![c]!;
    rows[r] = rows[r]!.map((v) => v / p);
    for (let i = 0; i < rows.length; i++) if (i !== r && Math.abs(rows[i]![c]!) > 1e-12) rows[i] = rows[i]!.map((v, k) => v - rows[i]![c]! * rows[r]![k]!);
    pivotOf[c] = r++;
  }
  return hidden.flatMap((_, f) => {
    if (pivotOf[f] !== undefined) return [];
    return [hidden.map((__, c) => (c === f ? 1 : pivotOf[c] !== undefined ? -rows[pivotOf[c]!]![f]! : 0))];
  });
}

function keepsEveryEquation(equationList: readonly Equation[], hidden: string[], v: number[]): boolean {
  const at = new Map(hidden.map((h, i) => [h, v[i]!]));
  return equationList.every((e) => Math.abs([...e].reduce((sum, [id, coefficient]) => sum + coefficient * (at.get(id) ?? 0), 0)) < 1e-6);
}

const hiddenOf = (data: ReturnData, published: Record<string, FigureCell>) => ids.filter((id) => typeof published[id] !== 'number' || typeof data.values[id] !== 'number');

describe('protectReturn: no suppressed count can be worked back', () => {
  it.each<Preset>(['under5', 'ons'])('%s: no breakdown, row or column of a cross-table leaves exactly one hidden cell', (preset) => {
    fc.assert(
      fc.property(randomReturn, (data) => {
        const { published } = protectReturn(data, preset);
        for (const equation of equations) {
          const hidden = [...equation.keys()].filter((id) => typeof published[id] !== 'number');
          if (hidden.length === 1) expect(published[hidden[0]!]).not.toBe(SUPPRESSED);
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each<Preset>(['under5', 'ons'])('%s: nor any combination of them: each suppressed cell has two values that fit everything published', (preset) => {
    fc.assert(
      fc.property(randomReturn, (data) => {
        const { published, suppressed } = protectReturn(data, preset);
        const hidden = hiddenOf(data, published);
        const basis = nullSpaceBasis(equations, hidden).filter((v) => keepsEveryEquation(equations, hidden, v));
        for (const { id } of suppressed) expect([id, basis.some((v) => Math.abs(v[hidden.indexOf(id)]!) > 1e-9)]).toEqual([id, true]);
      }),
      { numRuns: 25 },
    );
  });

  it('under5: every count of 1 to 4 is suppressed, every other published figure is as given', () => {
    fc.assert(
      fc.property(randomReturn, (data) => {
        const { published } = protectReturn(data, 'under5');
        for (const id of ids) {
          const value = data.values[id];
          if (counts.has(id) && typeof value === 'number' && value >= 1 && value <= 4) expect(published[id]).toBe(SUPPRESSED);
          else if (published[id] !== SUPPRESSED) expect(published[id]).toBe(value);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('ons: counts under 10 are suppressed, the rest published as multiples of 5 within 2 of the truth', () => {
    fc.assert(
      fc.property(randomReturn, (data) => {
        const { published } = protectReturn(data, 'ons');
        for (const id of counts) {
          const value = data.values[id];
          const shown = published[id];
          if (typeof value !== 'number') expect(shown).toBe(value);
          else if (value >= 1 && value <= 9) expect(shown).toBe(SUPPRESSED);
          else if (shown !== SUPPRESSED) {
            expect(typeof shown === 'number' && shown % 5 === 0 && Math.abs(shown - value) <= 2).toBe(true);
            expect(shown === 0 || (shown as number) >= 10).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('secondary suppression, by hand', () => {
  it('a breakdown with one small count hides its smallest other part, not its total', () => {
    const data = returnWith({ 'referrals.total': 100, 'referrals.by_source.police': 60, 'referrals.by_source.self': 3, 'referrals.by_source.health': 12, 'referrals.by_source.other_agency': 25 });
    const { published, suppressed } = protectReturn(data, 'under5');
    expect(published['referrals.by_source.self']).toBe(SUPPRESSED);
    expect(published['referrals.by_source.health']).toBe(SUPPRESSED);
    expect(published['referrals.total']).toBe(100);
    expect(suppressed).toContainEqual({ id: 'referrals.by_source.health', reason: 'secondary' });
  });

  it('covers a cell given away only through other equations, when every other cell of its own is hidden', () => {
    // referrals.self = by_source.self + by_source.self_online, all three small: no cell of that identity is left to
    // hide, yet the breakdown of referrals.total gives the sum of the two parts, hence referrals.self.
    const data = returnWith({ 'referrals.total': 100, 'referrals.self': 3, 'referrals.by_source.self': 2, 'referrals.by_source.self_online': 1, 'referrals.by_source.police': 60, 'referrals.by_source.health': 12, 'referrals.by_source.other_agency': 25 });
    const { published } = protectReturn(data, 'under5');
    const hidden = hiddenOf(data, published);
    expect(published['referrals.self']).toBe(SUPPRESSED);
    expect(determinedCells(equations, new Set(hidden)).filter((id) => published[id] === SUPPRESSED)).toEqual([]);
    expect(published['referrals.by_source.health']).toBe(SUPPRESSED);
    expect(published['referrals.total']).toBe(100);
  });

  it('finds a cell given away only by rows and columns together, which no single equation shows', () => {
    // x + y = T, x + z = U and y = z, with T and U published: x, y, z hidden together can each move (x up, y and z
    // down); with z published, the second equation gives x and the first then y.
    const eq = (terms: Record<string, number>): Equation => new Map(Object.entries(terms));
    const system = [eq({ x: 1, y: 1, T: -1 }), eq({ x: 1, z: 1, U: -1 }), eq({ y: 1, z: -1 })];
    expect(determinedCells(system, new Set(['x', 'y', 'z']))).toEqual([]);
    expect(determinedCells(system, new Set(['x', 'y']))).toEqual(['x', 'y']);
    // A 2 × 2 block of hidden cells inside a table with published margins: none is determined.
    const table = [eq({ a: 1, b: 1, R1: -1 }), eq({ c: 1, d: 1, R2: -1 }), eq({ a: 1, c: 1, C1: -1 }), eq({ b: 1, d: 1, C2: -1 })];
    expect(determinedCells(table, new Set(['a', 'b', 'c', 'd']))).toEqual([]);
    // With d published the block falls: c and b by subtraction, then a, which no single equation gave at the start.
    expect(determinedCells(table, new Set(['a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
  });

  it('a percentage on a suppressed base is suppressed with it', () => {
    const framework = parseFramework(safeSpaces, 'safe-spaces-kpi.json');
    const values = Object.fromEntries(figuresOf(framework).map((f) => [f.id, 20]));
    const data: ReturnData = { source: 'kpi.xlsx', framework, period: null, values: { ...values, 'survey.responses': 1, 'survey.listened_to': 100 }, cells: {}, lists: {} };
    const { published, suppressed } = protectReturn(data, 'under5');
    expect(published['survey.responses']).toBe(SUPPRESSED);
    expect(published['survey.listened_to']).toBe(SUPPRESSED);
    expect(suppressed).toContainEqual({ id: 'survey.listened_to', reason: 'percentage' });
  });
});
