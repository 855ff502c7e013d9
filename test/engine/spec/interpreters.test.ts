import fc from 'fast-check';
import { figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import { importCases } from '../../../src/engine/cases/importCases';
import type { RawTable } from '../../../src/engine/cases/rawTable';
import { figureFormula } from '../../../src/engine/formulas/figureFormula';
import { figureSpec } from '../../../src/engine/spec/figureSpec';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { periodFromIso, type Period } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';
import { countifsEvaluator } from '../../support/countifs';
import { CASE_HEADERS, periodArb, validRows } from '../../support/randomCases';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const counted = figuresOf(framework).filter((f) => ['count', 'sum'].includes(figureSpec(f, framework).kind));

/** Each figure as the tally, the cases-behind lookup (counts) and the formula over the case table read it. */
function readings(table: RawTable, period: Period) {
  const imported = importCases(table, framework);
  const { figures } = tallyCases(imported.cases, framework, period);
  const evaluate = countifsEvaluator(framework, table, imported, period);
  return counted.map((figure) => ({
    id: figure.id,
    tally: figures[figure.id],
    behind: figureSpec(figure, framework).kind === 'count' ? casesBehind(figure, imported.cases, framework, period).length : figures[figure.id],
    formula: evaluate(figureFormula(figure, framework)),
  }));
}
const disagreements = (rows: ReturnType<typeof readings>) => rows.filter((r) => r.tally !== r.behind || r.tally !== r.formula);

describe('one spec, three readers', () => {
  it('agree on every count and sum of the hand-built export, in two periods', () => {
    for (const period of [periodFromIso('2020-04-01', '2020-09-30'), periodFromIso('2020-06-01', '2020-06-30')]) {
      const rows = readings(tableOf(HEADERS, ROWS), period);
      expect(rows.length).toBeGreaterThan(600);
      expect(rows.some((r) => (r.tally ?? 0) > 0)).toBe(true);
      expect(disagreements(rows)).toEqual([]);
    }
  });

  it('agree on random exports', () => {
    fc.assert(
      fc.property(validRows, periodArb, (rows, period) => {
        expect(disagreements(readings(tableOf(CASE_HEADERS, rows), period))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
