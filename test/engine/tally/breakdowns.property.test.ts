import fc from 'fast-check';
import { categoryListOf, figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import type { CountTemplate } from '../../../src/frameworks/schema';
import { dayFromIso, isoOfDay } from '../../../src/engine/cases/dates';
import { importCases } from '../../../src/engine/cases/importCases';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const figures = figuresOf(framework);
const FIRST = dayFromIso('2019-06-01')!;
const LAST = dayFromIso('2021-06-30')!;

/** Any spelling the framework accepts for a category column, including blanks and not-stated words. */
function spellings(key: string): string[] {
  const list = categoryListOf(framework, key);
  return ['', 'Not known', ...list.items.flatMap((i) => [i.label, ...i.synonyms])];
}

const date = fc.option(fc.integer({ min: FIRST, max: LAST }).map(isoOfDay), { nil: '' });
const flag = fc.constantFrom('Y', 'N', 'Yes', 'No', '', 'Unknown');
const caseRow = fc.record({
  'Referral date': fc.integer({ min: FIRST, max: LAST }).map(isoOfDay),
  'Exit date': date,
  'Referral source': fc.constantFrom(...spellings('source')),
  'Crime type': fc.constantFrom(...spellings('crime')),
  Eligible: flag,
  Contacted: flag,
  'Support accepted': flag,
  'Support type': fc.constantFrom(...spellings('support_type')),
  Gender: fc.constantFrom(...spellings('gender')),
  Age: fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.constantFrom(...spellings('age'))),
  Ethnicity: fc.constantFrom(...spellings('ethnicity')),
  'Sexual orientation': fc.constantFrom(...spellings('sexual_orientation')),
  Disability: fc.constantFrom(...spellings('disability')),
  District: fc.constantFrom(...spellings('district')),
});
const periodArb = fc
  .tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 400 }))
  .map(([from, length]) => periodFromIso(isoOfDay(from), isoOfDay(Math.min(from + length, LAST))));

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
      fc.property(fc.array(caseRow, { maxLength: 60 }), periodArb, (rows, period) => {
        const table = tableOf(['Case ID', ...Object.keys(rows[0] ?? { 'Referral date': '', 'Referral source': '', 'Crime type': '' })], rows.map((r, i) => ({ ...r, 'Case ID': `C${i}` })));
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
