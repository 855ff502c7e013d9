import fc from 'fast-check';
import { categoryListOf, figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import type { CountTemplate } from '../../../src/frameworks/schema';
import { importCases } from '../../../src/engine/cases/importCases';
import { tallyCases } from '../../../src/engine/tally/tally';
import { CASE_HEADERS, periodArb, validRows } from '../../support/randomCases';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const figures = figuresOf(framework);
/** Count templates whose every `by` column has an unknown bucket, so each counted case falls in exactly one cell. */
const complete = framework.figures.filter(
  (t): t is CountTemplate => t.kind === 'count' && t.by.every((key) => categoryListOf(framework, key).unknown !== undefined),
);

/** Pairs (detail, margin) with the same cases counted, where the margin is broken down by fewer columns. */
const margins = complete.flatMap((detail) =>
  complete
    .filter(
      (margin) =>
        margin !== detail &&
        margin.population === detail.population &&
        JSON.stringify(margin.where) === JSON.stringify(detail.where) &&
        margin.by.every((key) => detail.by.includes(key)) &&
        margin.by.length < detail.by.length,
    )
    .map((margin) => ({ detail, margin })),
);

describe('every breakdown adds up to its total, on random valid data', () => {
  it('has breakdowns to check, totals and cross-table margins among them', () => {
    const names = margins.map(({ detail, margin }) => `${detail.id} → ${margin.id}`);
    expect(names).toEqual(expect.arrayContaining([
      'referrals.by_source.<source> → referrals.total',
      'caseload_start.by_crime.<crime> → caseload_start.total',
      'demographics.ethnicity.<ethnicity> → support.total',
      'demographics.age.<age>.<crime> → support.by_crime.<crime>',
      'demographics.age.<age>.<crime> → demographics.age.<age>',
    ]));
  });

  it('holds for each of them', () => {
    fc.assert(
      fc.property(validRows, periodArb, (rows, period) => {
        const table = tableOf(CASE_HEADERS, rows);
        const values = tallyCases(importCases(table, framework).cases, framework, period).figures;
        for (const { detail, margin } of margins) {
          const marginFigures = figures.filter((f) => f.template === margin);
          for (const m of marginFigures) {
            const parts = figures.filter((f) => f.template === detail && margin.by.every((key) => f.categories[key] === m.categories[key]));
            const sum = parts.reduce((s, f) => s + (values[f.id] ?? 0), 0);
            if (sum !== values[m.id]) throw new Error(`${detail.id} adds up to ${sum} for ${m.id}, which is ${values[m.id]}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
